using HeloData.Reports.Collector.Tests.Support;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>
/// A service that answers badly (a completed run without a window, a report id with a slash): the runs concerned
/// fail with typed errors, nothing is written outside the sink and nothing is recorded as collected, the other runs
/// of the pass are collected, and once the service answers well again the runs are collected.
/// </summary>
public sealed class HostileAnswerTests : SandboxFixture
{
    private const string SlashedReport = "rep/../../escape";

    [Test]
    public async Task Runs_the_service_describes_badly_fail_alone_lose_nothing_and_are_collected_once_it_answers_well()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var runs = await SandboxRuns.RunAsync(Sandbox, report, 2);
        var (good, renamed) = (runs[0], runs[1]);
        var hostile = true;
        var windowless = ReportsModelFactory.ReportRun("run_windowless", report.Id, RunStatus.Completed, completedAt: DateTimeOffset.UtcNow);
        using var inner = Sandbox.CreateClient();
        var client = new TamperedClient(inner, page => !hostile ? page : ReportsModelFactory.ReportList(
            [.. page.Reports, ReportsModelFactory.Report(SlashedReport, type: ReportType.Traffic, format: ReportFormat.Csv)],
            [.. page.RecentRuns.Select(r => r.RunId == renamed.RunId ? Renamed(r) : r), windowless]));
        var output = Temp.Combine("out");
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.WriteToDirectory(output), client: client);

        var bad = await collector.Collector.CollectOnceAsync();
        hostile = false;
        var healed = await collector.Collector.CollectOnceAsync();

        Assert.That((bad.Collected, bad.Failed), Is.EqualTo((1, 2)), "the good run collected, the windowless and the slashed ones failed");
        Assert.That((healed.Collected, healed.AlreadyCollected, healed.Failed), Is.EqualTo((1, 1, 0)), "the renamed run, described well now, is collected");
        Assert.That(await collector.SettledAsync(good.RunId, renamed.RunId, "run_windowless"), Is.EquivalentTo(new[] { good.RunId, renamed.RunId }));
        Assert.That(
            Directory.EnumerateFiles(Temp.Path, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(collector.Spool.Root, StringComparison.Ordinal)),
            Is.EquivalentTo(runs.Select(r => Path.Combine(output, report.Id, $"{r.From:yyyy-MM-dd}_{r.To:yyyy-MM-dd}_{r.RunId}.csv"))),
            "nothing written outside the sink's folder, nor under the slashed id");
    }

    [Test]
    public async Task A_completed_run_without_a_window_handed_to_the_door_is_a_typed_error_and_nothing_is_claimed()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var handler = new RecordingHandler();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler));
        var windowless = ReportsModelFactory.ReportRun("run_windowless", report.Id, RunStatus.Completed, from: new DateOnly(2026, 6, 1));

        var refusal = await Fails.With(() => collector.Collector.CollectRunAsync(windowless, null, RunOrigin.Webhook));

        Assert.That((refusal.ErrorCode, refusal.RunId), Is.EqualTo((ReportsErrorCode.InvalidResponse, "run_windowless")));
        Assert.That(refusal.Message, Does.Contain("no to"));
        Assert.That(handler.Calls, Is.Empty);
        var claim = await new InMemoryCollectorStateStore("other", TimeProvider.System, collector.Store.State).TryClaimAsync(new RunRecord { RunId = "run_windowless", ReportId = report.Id, From = new(2026, 6, 1), To = new(2026, 6, 1) }, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.That((claim.Status, claim.Attempt), Is.EqualTo((RunClaimStatus.Claimed, 1)), "never claimed before");
    }

    [Test]
    public async Task A_run_that_is_not_completed_is_refused_at_the_door()
    {
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("none", (_, _) => Task.CompletedTask));
        var queued = ReportsModelFactory.ReportRun("run_q", "rep_1", RunStatus.Queued, new(2026, 6, 1), new(2026, 6, 7));

        Assert.That(() => collector.Collector.CollectRunAsync(queued, null, RunOrigin.Application), Throws.ArgumentException.With.Message.Contains("only a completed run"));
    }

    private static ReportRun Renamed(ReportRun run) =>
        ReportsModelFactory.ReportRun(run.RunId, SlashedReport, run.Status, run.From, run.To, run.CreatedAt, run.CompletedAt);
}
