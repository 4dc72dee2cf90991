using System.Net;
using System.Net.Sockets;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using HeloData.Reports.Testing;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>
/// End to end: the sandbox pushes completed runs of webhook reports to a receiver mapped with
/// <c>MapHeloReportsWebhook</c>, signed as the contract says, retrying on its compressed schedule.
/// </summary>
public sealed class SandboxPushTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_completed_run_is_pushed_verified_and_read_as_typed_rows()
    {
        using var sandbox = ReportsSandbox.Start();
        var rows = 0L;
        ReportDelivery? seen = null;
        await using var receiver = await Receiver.StartAsync(
            async (delivery, ct) =>
            {
                seen = delivery;
                await foreach (var row in delivery.ReadRowsAsync<TrafficRow>(ct))
                {
                    rows += row.Requests > 0 ? 1 : 0;
                }
            },
            store: Stores.InMemory());
        using var client = sandbox.CreateClient();
        var report = await CreateWebhookReportAsync(client, receiver.Address);

        var run = await client.RunReportAsync(report.Id);
        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Outcome, Is.EqualTo(SandboxWebhookOutcome.Delivered));
        Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 200 }));
        Assert.That(seen!.RunId, Is.EqualTo(run.RunId));
        Assert.That(seen.Format, Is.EqualTo(ReportFormat.Csv));
        Assert.That(seen.Unverified.ReportId, Is.EqualTo(report.Id));
        Assert.That(seen.Unverified.ReportType, Is.EqualTo("traffic"));
        Assert.That(seen.Unverified.WindowFrom, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.That(rows, Is.GreaterThan(0));
        Assert.That((await client.GetRunAsync(run.RunId)).DownloadUrl, Is.Null, "a pushed artifact is not offered for download");
    }

    [Test]
    public async Task A_row_counted_artifact_is_generated_again_for_the_push_and_verifies()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { ArtifactRowCount = 250_000 });
        long rows = 0, lastRow = 0, length = 0;
        await using var receiver = await Receiver.StartAsync(
            async (delivery, ct) =>
            {
                length = delivery.Length;
                await foreach (var row in delivery.ReadRowsAsync<TrafficRow>(ct))
                {
                    rows++;
                    lastRow = row.RowNumber;
                }
            },
            store: Stores.InMemory());
        using var client = sandbox.CreateClient();
        var run = await client.RunReportAsync((await CreateWebhookReportAsync(client, receiver.Address)).Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 200 }), "signed over the same bytes it then sent");
        Assert.That((rows, lastRow), Is.EqualTo((250_000L, 250_000L)));
        Assert.That(length, Is.GreaterThan(10_000_000));
    }

    [TestCase(nameof(SandboxWebhookFault.BadSignature), 401)]
    [TestCase(nameof(SandboxWebhookFault.StaleTimestamp), 400)]
    public async Task A_faulty_attempt_is_refused_and_the_retry_is_handled_once(string faultName, int refusedWith)
    {
        var fault = Enum.Parse<SandboxWebhookFault>(faultName);
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [TimeSpan.FromMilliseconds(100)] });
        if (fault == SandboxWebhookFault.BadSignature)
        {
            sandbox.Faults.BadWebhookSignatures(1);
        }
        else
        {
            sandbox.Faults.StaleWebhookTimestamps(1);
        }

        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, store: Stores.InMemory());
        using var client = sandbox.CreateClient();
        var run = await client.RunReportAsync((await CreateWebhookReportAsync(client, receiver.Address)).Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Attempts.Select(a => (a.Fault, a.StatusCode)), Is.EqualTo(new[] { (fault, (int?)refusedWith), (SandboxWebhookFault.None, (int?)200) }));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_duplicated_delivery_is_handled_once_and_its_copy_is_answered_at_once()
    {
        using var sandbox = ReportsSandbox.Start();
        sandbox.Faults.DuplicateWebhookDeliveries(1);
        var calls = 0;
        await using var receiver = await Receiver.StartAsync(
            async (_, ct) => { Interlocked.Increment(ref calls); await Task.Delay(100, ct); }, store: Stores.InMemory());
        using var client = sandbox.CreateClient();
        var run = await client.RunReportAsync((await CreateWebhookReportAsync(client, receiver.Address)).Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        // The copy that arrives while the first is handled is answered 409 at once, never parked behind it
        // (a copy that arrives after is answered 200 as handled before).
        Assert.That(delivery.Attempts.Select(a => a.Fault), Is.EqualTo(new[] { SandboxWebhookFault.Duplicate, SandboxWebhookFault.Duplicate }));
        Assert.That(delivery.Attempts.Select(a => a.StatusCode), Has.Some.EqualTo(200));
        Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.All.AnyOf(200, 409));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_delivery_made_while_the_receiver_is_down_arrives_once_it_is_back()
    {
        var port = FreePort();
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(300), 20)] });
        using var client = sandbox.CreateClient();
        var calls = 0;
        Task Handler(ReportDelivery delivery, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }

        Report report;
        await using (var first = await Receiver.StartAsync(Handler, store: Stores.InMemory(), port: port))
        {
            report = await CreateWebhookReportAsync(client, first.Address);
        }

        var run = await client.RunReportAsync(report.Id);
        var deadline = DateTime.UtcNow + Patience;
        while (sandbox.WebhookDeliveries.Single().Attempts.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await using var back = await Receiver.StartAsync(Handler, store: Stores.InMemory(), port: port);
        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Outcome, Is.EqualTo(SandboxWebhookOutcome.Delivered));
        Assert.That(delivery.Attempts.Take(2).Select(a => a.StatusCode), Is.All.Null, "the first attempts found nobody listening");
        Assert.That(delivery.Attempts[0].Error, Is.Not.Null);
        Assert.That(delivery.Attempts[^1].StatusCode, Is.EqualTo(200));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Attempts_that_find_the_receiver_down_are_retried_until_one_gets_through()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)] });
        sandbox.Faults.UnreachableWebhookReceiver(2);
        var calls = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, store: Stores.InMemory());
        using var client = sandbox.CreateClient();
        var run = await client.RunReportAsync((await CreateWebhookReportAsync(client, receiver.Address)).Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Attempts.Select(a => (a.Fault, a.StatusCode)), Is.EqualTo(new[]
        {
            (SandboxWebhookFault.Unreachable, (int?)null), (SandboxWebhookFault.Unreachable, (int?)null), (SandboxWebhookFault.None, (int?)200),
        }));
        Assert.That(delivery.Attempts[0].Error, Does.Contain("connection refused"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_receiver_that_always_fails_is_given_up_on_after_every_attempt()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)] });
        await using var receiver = await Receiver.StartAsync((_, _) => throw new InvalidOperationException("broken"), store: Stores.InMemory());
        using var client = sandbox.CreateClient();
        var run = await client.RunReportAsync((await CreateWebhookReportAsync(client, receiver.Address)).Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Outcome, Is.EqualTo(SandboxWebhookOutcome.GaveUp));
        Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 500, 500, 500 }));
    }

    [Test]
    public async Task Nothing_is_sent_off_the_machine()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [] });
        using var client = sandbox.CreateClient();
        var run = await client.RunReportAsync((await CreateWebhookReportAsync(client, new Uri("https://hooks.example.com/reports"))).Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Outcome, Is.EqualTo(SandboxWebhookOutcome.GaveUp));
        Assert.That(delivery.Attempts.Single().Error, Does.Contain("loopback"));
    }

    [Test]
    public async Task Runs_of_other_destinations_are_not_pushed_and_waiting_for_one_says_so()
    {
        using var sandbox = ReportsSandbox.Start();
        using var client = sandbox.CreateClient();
        var report = await client.CreateReportAsync(new NewReport("mail", ReportType.Traffic, ReportFormat.Csv) { Destination = new EmailDestination("ops@example.com") });
        var run = await client.RunReportAsync(report.Id);

        Assert.That(sandbox.WebhookDeliveries, Is.Empty);
        Assert.That(() => sandbox.WaitForWebhookDeliveryAsync(run.RunId), Throws.InvalidOperationException.With.Message.Contains(run.RunId));
    }

    private static Task<Report> CreateWebhookReportAsync(ReportsClient client, Uri url) =>
        client.CreateReportAsync(new NewReport("pushed", ReportType.Traffic, ReportFormat.Csv) { Destination = new WebhookDestination(url, Deliveries.Secret) });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
