using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Collector;

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
        await using var receiver = await Receiver.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, store: Stores.InMemory());

        using var first = await Deliveries.SendAsync(receiver.Address, "run_twice", Deliveries.Csv());
        using var second = await Deliveries.SendAsync(receiver.Address, "run_twice", Deliveries.Csv());

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_handler_that_throws_is_500_and_runs_again_on_the_redelivery()
    {
        var calls = 0;
        var store = Stores.InMemory();
        await using var receiver = await Receiver.StartAsync(
            (_, _) => Interlocked.Increment(ref calls) == 1 ? throw new IOException("disk full") : Task.CompletedTask, store: store);

        using var failed = await Deliveries.SendAsync(receiver.Address, "run_retry", Deliveries.Csv());
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await Stores.HandledAsync(store, "run_retry"), Is.Empty, "a failed handler leaves the run unhandled");
        Assert.That(await failed.Content.ReadAsStringAsync(), Does.Not.Contain("disk full"), "the handler's error stays on the server");

        using var retried = await Deliveries.SendAsync(receiver.Address, "run_retry", Deliveries.Csv());
        using var again = await Deliveries.SendAsync(receiver.Address, "run_retry", Deliveries.Csv());

        Assert.That((retried.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(calls, Is.EqualTo(2));
        Assert.That(await Stores.HandledAsync(store, "run_retry"), Is.EqualTo(new[] { "run_retry" }));
        Assert.That(string.Join("\n", receiver.Logs), Does.Contain("disk full"), "the failure is logged with its exception");
    }

    [Test]
    public async Task Redeliveries_behind_a_running_handler_are_answered_409_at_once_and_hold_no_copy()
    {
        var calls = 0;
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var spool = Directory.CreateDirectory(Path.Combine(_folder, "spool")).FullName;
        await using var receiver = await Receiver.StartAsync(
            async (_, ct) =>
            {
                Interlocked.Increment(ref calls);
                started.TrySetResult();
                await release.Task.WaitAsync(ct);
            },
            // Room for all 21 bodies at once: this is about the run's gate, not the cap on unverified bodies.
            o => { o.TemporaryDirectory = spool; o.MaxConcurrentDeliveries = 32; },
            store: new SqliteCollectorStateStore(Path.Combine(_folder, "once.db"), "receiver-test", TimeProvider.System));
        var body = Deliveries.Csv(50);

        var first = Deliveries.SendAsync(receiver.Address, "run_dup", body);
        await started.Task;
        var redeliveries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Deliveries.SendAsync(receiver.Address, "run_dup", body)));

        // Answered while the handler still runs: none of them waited for it, and none left its copy behind.
        Assert.That(first.IsCompleted, Is.False);
        Assert.That(redeliveries.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Conflict));
        Assert.That(redeliveries.Select(r => r.Headers.RetryAfter?.Delta), Is.All.EqualTo(ReportWebhookOptions.DefaultHandlerLease));
        Assert.That(Directory.GetFiles(spool, "*.spool", SearchOption.AllDirectories), Has.Length.EqualTo(1), "only the running delivery's copy");

        release.SetResult();
        using var handled = await first;
        using var later = await Deliveries.SendAsync(receiver.Address, "run_dup", body);
        Assert.That((handled.StatusCode, later.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(calls, Is.EqualTo(1));
        foreach (var response in redeliveries)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task A_handler_the_stopping_app_cancels_is_answered_503_with_retry_after_and_its_run_is_released()
    {
        var started = new TaskCompletionSource();
        var store = Stores.InMemory();
        var receiver = await Receiver.StartAsync(
            async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            },
            store: store);
        var sending = Deliveries.SendAsync(receiver.Address, "run_stopped", Deliveries.Csv());
        await started.Task;

        var stopping = receiver.DisposeAsync();
        using var response = await sending;
        await stopping;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "the sender retries a 503; never a 500");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(string.Join("\n", receiver.Logs), Does.Not.Contain("Error:"), "a stop is not a failure");
        var next = await store.TryClaimAsync(Stores.Record("run_stopped"), TimeSpan.FromMinutes(1), default);
        Assert.That((next.Status, next.Attempt, next.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 2, false)), "released: the retry runs it at once");
    }

    [Test]
    public async Task A_run_whose_earlier_claim_lapsed_reaches_the_handler_saying_it_may_have_been_handled()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = Stores.InMemory(time);
        await store.TryClaimAsync(Stores.Record("run_lapsed"), TimeSpan.FromMinutes(1), default); // a receiver that died after its handler finished
        time.Advance(TimeSpan.FromMinutes(2));
        ReportDelivery? seen = null;
        await using var receiver = await Receiver.StartAsync((delivery, _) => { seen = delivery; return Task.CompletedTask; }, store: store);

        using var response = await Deliveries.SendAsync(receiver.Address, "run_lapsed", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((seen!.Attempt, seen.MayHaveBeenHandled), Is.EqualTo((2, true)));
        Assert.That(seen.ToString(), Does.Contain("attempt 2").And.Contain("may have been handled"));
    }

    [Test]
    public async Task A_first_delivery_reaches_the_handler_as_attempt_1()
    {
        ReportDelivery? seen = null;
        await using var receiver = await Receiver.StartAsync((delivery, _) => { seen = delivery; return Task.CompletedTask; }, store: Stores.InMemory());

        using var response = await Deliveries.SendAsync(receiver.Address, "run_first", Deliveries.Csv());

        Assert.That((seen!.Attempt, seen.MayHaveBeenHandled), Is.EqualTo((1, false)));
    }

    [Test]
    public async Task A_store_another_process_holds_locked_is_answered_503_with_retry_after_and_the_handler_is_not_called()
    {
        var calls = 0;
        var database = Path.Combine(_folder, "locked.db");
        await using var receiver = await Receiver.StartAsync((_, _) => { calls++; return Task.CompletedTask; }, o => o.StorePath = database);
        await using var holder = SqliteLock.Hold(database);

        using var response = await Deliveries.SendAsync(receiver.Address, "run_locked", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(calls, Is.Zero);
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
        var database = Path.Combine(_folder, "shared.db");
        await using var other = new SqliteCollectorStateStore(database, "other-receiver", TimeProvider.System);
        await other.StartAsync(default);
        Assert.That((await other.TryClaimAsync(Stores.Record("run_busy"), TimeSpan.FromMinutes(5), default)).Status, Is.EqualTo(RunClaimStatus.Claimed), "another instance took it");
        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { calls++; return Task.CompletedTask; }, o => { o.StorePath = database; o.InstanceName = "this-receiver"; });

        using var response = await Deliveries.SendAsync(receiver.Address, "run_busy", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(calls, Is.Zero);
    }
}
