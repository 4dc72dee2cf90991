using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// Only a collected run covers its window: a run still being collected holds the checkpoint back (it is among the
/// runs the pass saw), so a collection that fails leaves its window to be judged.
/// </summary>
public sealed class GapFinderCoverageTests : GapFinderFixture
{
    private static readonly DateOnly June12 = new(2026, 6, 12);

    [Test]
    public async Task A_run_whose_collection_fails_after_it_leaves_recent_runs_is_still_judged_a_gap()
    {
        await Harness.CollectJuneButAsync(12);
        var engine = Harness.Store("engine");
        var record = new RunRecord { RunId = "run_0612", ReportId = ReportId, From = June12, To = June12 };
        Assert.That((await engine.TryClaimAsync(record, TimeSpan.FromMinutes(1), default)).Status, Is.EqualTo(RunClaimStatus.Claimed));

        // This pass sees the run completed while the engine holds its claim: no gap, and the checkpoint waits.
        var whileClaimed = await Harness.Finder().ScanAsync(Daily(), [Run("run_0612", RunStatus.Completed, June12, June12)], default);
        var held = (await Harness.Store().GetReportCheckpointAsync(ReportId, default))?.At;

        // The collection fails, and by the next pass the run has left recent_runs.
        await engine.ReleaseAsync("run_0612", default);
        var after = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.Multiple(async () =>
        {
            Assert.That(whileClaimed, Is.EqualTo(default(GapScan)));
            Assert.That(held, Is.EqualTo(new DateTimeOffset(2026, 6, 12, 6, 0, 0, TimeSpan.Zero)), "the last window judged before 12 June's");
            Assert.That(after, Is.EqualTo(new GapScan(1, 0)));
            Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => (gap.From, gap.Status)), Is.EqualTo(new[] { (June12, ReportGapStatus.Missing) }));
        });
    }

    [Test]
    public async Task A_backfill_being_collected_gets_no_second_gap_or_request_however_often_its_window_is_looked_at()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(12);
        var failed = Run("run_0612", RunStatus.Failed, June12, June12);
        var finder = Harness.Finder();
        await finder.ScanAsync(Daily(), [failed], default);
        Harness.Client.End("run_bf1", RunStatus.Completed);
        var engine = Harness.Store("engine");
        Assert.That((await engine.TryClaimAsync(new RunRecord { RunId = "run_bf1", ReportId = ReportId, From = June12, To = June12 }, TimeSpan.FromMinutes(1), default)).Status, Is.EqualTo(RunClaimStatus.Claimed));

        var again = await finder.ScanAsync(Daily(), [failed], default);
        var offered = await finder.CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(again, Is.EqualTo(default(GapScan)));
            Assert.That(offered.Select(run => run.RunId), Is.EqualTo(new[] { "run_bf1" }), "the engine's claim decides who collects it");
            Assert.That(Harness.Client.Requested, Has.Count.EqualTo(1));
            Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => (gap.Status, gap.BackfillRunId)), Is.EqualTo(new[] { (ReportGapStatus.BackfillRequested, "run_bf1") }));
        });
    }
}
