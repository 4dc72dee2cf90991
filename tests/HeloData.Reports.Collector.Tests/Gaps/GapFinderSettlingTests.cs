using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>A gap whose window is collected after all is settled as filled, and no run is asked for it again.</summary>
public sealed class GapFinderSettlingTests
{
    private static readonly DateOnly June12 = new(2026, 6, 12);

    private GapFinderHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new GapFinderHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task A_backfill_collected_by_an_instance_that_died_before_settling_its_gap_is_settled_as_filled()
    {
        _harness.Options.Backfill = true;
        await _harness.CollectJuneButAsync(12);
        var finder = _harness.Finder();
        await finder.ScanAsync(Daily(), [], default);

        // Completed in the store, then the process died before SettleGapAsync; the service forgot the run since.
        await _harness.CollectAsync("run_bf1", June12, June12);
        _harness.Client.Forget("run_bf1");
        var offered = await finder.CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(offered, Is.Empty);
            Assert.That((await _harness.Store().GetGapsAsync(default)).Single().Status, Is.EqualTo(ReportGapStatus.Filled));
            Assert.That(_harness.Counted.ContainsKey("failed"), Is.False);
        });
    }

    [Test]
    public async Task A_gap_whose_window_is_collected_anyway_is_settled_as_filled_and_no_run_is_requested_for_it()
    {
        // The request for 12 June did not get through; then its late scheduled run arrived (by the webhook door) and was collected.
        _harness.Options.Backfill = true;
        await _harness.CollectJuneButAsync(12);
        _harness.Client.NextRunFailure = new ReportsException("Unavailable.", ReportsErrorCode.InternalError, 503);
        var finder = _harness.Finder();
        await finder.ScanAsync(Daily(), [], default);
        await _harness.CollectAsync("run_0612", June12, June12);
        _harness.Time.Advance(_harness.Options.ClaimLease);

        var offered = await finder.CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(offered, Is.Empty);
            Assert.That(_harness.Client.Requested, Is.Empty);
            Assert.That((await _harness.Store().GetGapsAsync(default)).Single().Status, Is.EqualTo(ReportGapStatus.Filled));
            Assert.That(_harness.Log.Lines.Where(line => line.Id.Id == 220).Select(line => line.Message), Is.EqualTo(new[]
            {
                "The window 06/12/2026..06/12/2026 of report rep_daily is collected; its gap is settled as filled",
            }));
        });
    }
}
