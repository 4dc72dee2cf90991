using HeloData.Reports.Collector.Tests.Support;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary><c>MaxConcurrentRuns</c> bounds the runs of one instance whichever door they come by: a run over the bound waits, unclaimed, for a slot.</summary>
public sealed class ConcurrencyTests : SandboxFixture
{
    [Test]
    public async Task A_run_over_MaxConcurrentRuns_waits_unclaimed_and_a_cancelled_wait_leaves_it_unclaimed()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var runs = await SandboxRuns.RunAsync(Sandbox, report, 2);
        var handler = new SlowHandler();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("slow", _ => handler), configure: o => o.MaxConcurrentRuns = 1);

        var first = collector.Collector.CollectRunAsync(runs[0], null, RunOrigin.Application);
        await handler.FirstStarted;
        using var giveUp = new CancellationTokenSource();
        var second = collector.Collector.CollectRunAsync(runs[1], null, RunOrigin.Webhook, giveUp.Token);
        await giveUp.CancelAsync();

        Assert.That(async () => await second, Throws.InstanceOf<OperationCanceledException>());
        handler.Finish();
        Assert.That(await first, Is.EqualTo(RunCollectionResult.Collected));
        var claim = await new InMemoryCollectorStateStore("other", TimeProvider.System, collector.Store.State)
            .TryClaimAsync(new RunRecord { RunId = runs[1].RunId, ReportId = report.Id, From = runs[1].From!.Value, To = runs[1].To!.Value }, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.That((claim.Status, claim.Attempt), Is.EqualTo((RunClaimStatus.Claimed, 1)), "the second run was never claimed: it waited for the one slot");
        Assert.That(handler.Calls.Select(c => c.RunId), Is.EqualTo(new[] { runs[0].RunId }));
    }
}
