using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>A gap whose window is collected after all is settled as filled, and no run is asked for it again.</summary>
public sealed class GapFinderSettlingTests : GapFinderFixture
{
    private static readonly DateOnly June12 = new(2026, 6, 12);

    [Test]
    public async Task A_backfill_collected_by_an_instance_that_died_before_settling_its_gap_is_settled_as_filled()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(12);
        var finder = Harness.Finder();
        await finder.ScanAsync(Daily(), [], default);

        // Completed in the store, then the process died before SettleGapAsync; the service forgot the run since.
        await Harness.CollectAsync("run_bf1", June12, June12);
        Harness.Client.Forget("run_bf1");
        var offered = await finder.CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(offered, Is.Empty);
            Assert.That((await Harness.Store().GetGapsAsync(default)).Single().Status, Is.EqualTo(ReportGapStatus.Filled));
            Assert.That(Harness.Counted.ContainsKey("failed"), Is.False);
        });
    }

    [Test]
    public async Task A_gap_whose_window_is_collected_anyway_is_settled_as_filled_and_no_run_is_requested_for_it()
    {
        // The request for 12 June did not get through; then its late scheduled run arrived (by the webhook door) and was collected.
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(12);
        Harness.Client.NextRunFailure = new ReportsException("Unavailable.", ReportsErrorCode.InternalError, 503);
        var finder = Harness.Finder();
        await finder.ScanAsync(Daily(), [], default);
        await Harness.CollectAsync("run_0612", June12, June12);
        Harness.Time.Advance(Harness.Options.ClaimLease);

        var offered = await finder.CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(offered, Is.Empty);
            Assert.That(Harness.Client.Requested, Is.Empty);
            Assert.That((await Harness.Store().GetGapsAsync(default)).Single().Status, Is.EqualTo(ReportGapStatus.Filled));
            Assert.That(Harness.Log.Lines.Where(line => line.Id.Id == 220).Select(line => line.Message), Is.EqualTo(new[]
            {
                "The window 06/12/2026..06/12/2026 of report rep_daily is collected; its gap is settled as filled",
            }));
        });
    }
}
