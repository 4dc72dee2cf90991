using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>
/// Push and pull together: the sandbox pushes runs to <c>MapHeloReportsCollectorWebhook</c> while the collector polls
/// the same runs, and each run reaches the collector's handler once, whichever door comes first.
/// </summary>
public sealed class CollectorWebhookTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("helodata-both-doors-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    public async Task Runs_pushed_while_the_collector_polls_them_are_handled_once_whichever_door_comes_first()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(200), 300)] });
        string? pulledFirst = null;
        var open = new TaskCompletionSource();

        // The pushes of one report find the endpoint closed (503) until a poll has seen its runs: those runs come in by
        // the poll first and by the push after; the other report's come in by the push first, the poll polling all along.
        await using var app = await CollectorApp.StartAsync(sandbox, _temp, pollInterval: TimeSpan.FromSeconds(1), front: (context, next) =>
        {
            if (!open.Task.IsCompleted && context.Request.Headers["helodata-report-id"] == pulledFirst)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return next();
        });
        using var client = sandbox.CreateClient();
        var pulled = await CreateWebhookReportAsync(client, app.Address, "pulled first");
        pulledFirst = pulled.Id;
        var pushed = await CreateWebhookReportAsync(client, app.Address, "pushed first");
        var pulledRuns = await RunAsync(client, pulled, 5);
        var pushedRuns = await RunAsync(client, pushed, 5);

        await Task.WhenAll(pushedRuns.Select(id => sandbox.WaitForWebhookDeliveryAsync(id).WaitAsync(Patience)));
        foreach (var id in pulledRuns)
        {
            await client.WaitForCompletionAsync(id);
        }

        await app.Collector.CollectOnceAsync();
        open.SetResult();
        var deliveries = await Task.WhenAll(pulledRuns.Concat(pushedRuns).Select(id => sandbox.WaitForWebhookDeliveryAsync(id).WaitAsync(Patience)));
        var last = await app.Collector.CollectOnceAsync();

        Assert.That(deliveries.Select(d => d.Outcome), Is.All.EqualTo(SandboxWebhookOutcome.Delivered));
        Assert.That(deliveries.SelectMany(d => d.Attempts).Select(a => a.StatusCode), Is.All.AnyOf(200, 409, 503), "409 only while the poll held a run; 503 only while closed");
        Assert.That(app.Handled.Select(h => h.RunId), Is.EquivalentTo(pulledRuns.Concat(pushedRuns)), "every run once: none twice, none missing");
        Assert.That(app.Handled.Where(h => pulledRuns.Contains(h.RunId)).Select(h => h.Origin), Is.All.EqualTo(RunOrigin.Poll));
        Assert.That((last.Collected, last.AlreadyCollected), Is.EqualTo((0, 10)), "a poll after both doors finds every run collected");
        TestContext.Out.WriteLine($"by poll: {app.Handled.Count(h => h.Origin == RunOrigin.Poll)}, by push: {app.Handled.Count(h => h.Origin == RunOrigin.Webhook)}");
    }

    [Test]
    public async Task A_push_while_the_poll_holds_the_run_is_answered_409_and_its_redelivery_200_without_a_second_handling()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(100), 600)] });
        var open = new TaskCompletionSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await CollectorApp.StartAsync(
            sandbox,
            _temp,
            pollInterval: TimeSpan.FromHours(1),
            handle: async (_, ct) =>
            {
                entered.TrySetResult();
                await release.Task.WaitAsync(ct);
            },
            // Closed (503, as a receiver restarting answers) until the poll holds the run: then every push finds it held.
            front: (context, next) =>
            {
                if (open.Task.IsCompleted)
                {
                    return next();
                }

                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            });
        using var client = sandbox.CreateClient();
        var report = await CreateWebhookReportAsync(client, app.Address, "held");
        var run = await client.WaitForCompletionAsync((await client.RunReportAsync(report.Id)).RunId);

        var polling = app.Collector.CollectOnceAsync();
        await entered.Task.WaitAsync(Patience);
        open.SetResult();
        await WaitForAsync(() => sandbox.WebhookDeliveries.Single().Attempts.Any(a => a.StatusCode == 409));
        release.SetResult();
        var pass = await polling.WaitAsync(Patience);
        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(pass.Collected, Is.EqualTo(1));
        Assert.That(delivery.Outcome, Is.EqualTo(SandboxWebhookOutcome.Delivered));
        var answered = delivery.Attempts.Select(a => a.StatusCode).Where(s => s != 503).ToArray();
        Assert.That(answered[^1], Is.EqualTo(200), "the redelivery finds the run collected");
        Assert.That(answered[..^1], Is.Not.Empty.And.All.EqualTo(409), "held by the poll: 409, never handled");
        Assert.That(app.Handled, Is.EqualTo(new[] { (run.RunId, RunOrigin.Poll) }));
    }

    [Test]
    public async Task A_collector_handler_that_throws_is_answered_500_and_the_run_stays_uncollected()
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { WebhookRetryDelays = [TimeSpan.FromMilliseconds(100)] });
        var calls = 0;
        await using var app = await CollectorApp.StartAsync(
            sandbox, _temp, pollInterval: TimeSpan.FromHours(1), handle: (_, _) => Interlocked.Increment(ref calls) == 1 ? throw new IOException("sink down") : Task.CompletedTask);
        using var client = sandbox.CreateClient();
        var report = await CreateWebhookReportAsync(client, app.Address, "failing");
        var run = await client.RunReportAsync(report.Id);

        var delivery = await sandbox.WaitForWebhookDeliveryAsync(run.RunId).WaitAsync(Patience);

        Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 500, 200 }), "released, then taken by the redelivery");
        Assert.That(app.Handled.Select(h => h.Origin), Is.EqualTo(new[] { RunOrigin.Webhook, RunOrigin.Webhook }));
    }

    [Test]
    public async Task A_delivery_the_service_does_not_know_is_answered_503_and_nothing_is_handled()
    {
        using var sandbox = ReportsSandbox.Start();
        await using var app = await CollectorApp.StartAsync(sandbox, _temp, pollInterval: TimeSpan.FromHours(1));

        using var response = await Deliveries.SendAsync(app.Address, "run_nobody_made", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "signed, so redelivered later; never handled on the headers' word");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(app.Handled, Is.Empty);
    }

    [Test]
    public void Mapping_the_collector_webhook_without_the_collector_fails_naming_what_to_call()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHeloReportsWebhooks(o => o.SigningSecrets = [Deliveries.Secret]);
        using var app = builder.Build();

        Assert.That(() => app.MapHeloReportsCollectorWebhook("/hooks"), Throws.InvalidOperationException.With.Message.Contains("AddHeloReportsCollector"));
    }

    private static Task<Report> CreateWebhookReportAsync(ReportsClient client, Uri url, string name) =>
        client.CreateReportAsync(new NewReport(name, ReportType.Traffic, ReportFormat.Csv) { Destination = new WebhookDestination(url, Deliveries.Secret) });

    private static async Task<string[]> RunAsync(ReportsClient client, Report report, int runs)
    {
        var ids = new string[runs];
        for (var i = 0; i < runs; i++)
        {
            ids[i] = (await client.RunReportAsync(report.Id)).RunId;
        }

        return ids;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, patience.Token);
        }
    }
}
