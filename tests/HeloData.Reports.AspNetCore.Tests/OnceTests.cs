using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>Each run handled once: redeliveries, concurrent duplicates, failures and restarts.</summary>
public sealed class OnceTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-webhook-test-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_redelivery_of_a_handled_run_is_200_without_calling_the_handler()
    {
        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, store: new InMemoryReportDeliveryStore());

        using var first = await Deliveries.SendAsync(receiver.Address, "run_twice", Deliveries.Csv());
        using var second = await Deliveries.SendAsync(receiver.Address, "run_twice", Deliveries.Csv());

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_handler_that_throws_is_500_and_runs_again_on_the_redelivery()
    {
        var calls = 0;
        var store = new InMemoryReportDeliveryStore();
        await using var receiver = await Receiver.StartAsync(
            (_, _) => Interlocked.Increment(ref calls) == 1 ? throw new IOException("disk full") : Task.CompletedTask, store: store);

        using var failed = await Deliveries.SendAsync(receiver.Address, "run_retry", Deliveries.Csv());
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(store.HandledRunIds, Is.Empty, "a failed handler leaves the run unhandled");
        Assert.That(await failed.Content.ReadAsStringAsync(), Does.Not.Contain("disk full"), "the handler's error stays on the server");

        using var retried = await Deliveries.SendAsync(receiver.Address, "run_retry", Deliveries.Csv());
        using var again = await Deliveries.SendAsync(receiver.Address, "run_retry", Deliveries.Csv());

        Assert.That((retried.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(calls, Is.EqualTo(2));
        Assert.That(store.HandledRunIds, Is.EqualTo(new[] { "run_retry" }));
        Assert.That(string.Join("\n", receiver.Logs), Does.Contain("disk full"), "the failure is logged with its exception");
    }

    [Test]
    public async Task Twenty_concurrent_duplicates_call_the_handler_once_and_all_get_200()
    {
        var calls = 0;
        var release = new TaskCompletionSource();
        await using var receiver = await Receiver.StartAsync(
            async (_, ct) =>
            {
                Interlocked.Increment(ref calls);
                await release.Task.WaitAsync(ct);
            },
            store: new SqliteReportDeliveryStore(Path.Combine(_folder, "once.db")));
        var body = Deliveries.Csv(50);

        var sends = Enumerable.Range(0, 20).Select(_ => Deliveries.SendAsync(receiver.Address, "run_dup", body)).ToArray();
        await Task.Delay(200);
        release.SetResult();
        var responses = await Task.WhenAll(sends);

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(calls, Is.EqualTo(1));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task A_redelivery_after_a_restart_of_the_receiver_is_not_handled_again()
    {
        var calls = 0;
        var database = Path.Combine(_folder, "deliveries.db");
        Task Handler(ReportDelivery delivery, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }

        await using (var before = await Receiver.StartAsync(Handler, o => o.StorePath = database))
        {
            using var first = await Deliveries.SendAsync(before.Address, "run_restart", Deliveries.Csv());
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await using var after = await Receiver.StartAsync(Handler, o => o.StorePath = database);
        using var redelivery = await Deliveries.SendAsync(after.Address, "run_restart", Deliveries.Csv());

        Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(calls, Is.EqualTo(1));
        Assert.That(File.Exists(database), "the default store is the SQLite file at StorePath");
    }

    [Test]
    public async Task A_run_another_receiver_is_handling_is_409_with_retry_after()
    {
        var store = new InMemoryReportDeliveryStore();
        Assert.That(await store.TryClaimAsync("run_busy", TimeSpan.FromMinutes(5), default), Is.EqualTo(ReportDeliveryClaim.Claimed), "another instance took it");
        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { calls++; return Task.CompletedTask; }, store: store);

        using var response = await Deliveries.SendAsync(receiver.Address, "run_busy", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(calls, Is.Zero);
    }
}
