using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// The runs that replace gaps: a failed occurrence retried once whatever <c>Backfill</c> says, then reported; one
/// request per gap however often it is looked at; requests that did not get through made again; completed
/// backfills handed to the engine until collected.
/// </summary>
public sealed class GapFinderBackfillTests : GapFinderFixture
{
    private static readonly DateOnly June10 = new(2026, 6, 10);

    [Test]
    public async Task A_failed_scheduled_run_is_retried_once_without_backfill_then_reported_as_failed()
    {
        await Harness.CollectJuneButAsync(10);
        var failed = Run("run_0610", RunStatus.Failed, June10, June10);
        var finder = Harness.Finder();

        var first = await finder.ScanAsync(Daily(), [failed], default);
        Harness.Client.End("run_bf1", RunStatus.Failed);
        var completed = await finder.CompletedBackfillsAsync(default);
        var again = await finder.ScanAsync(Daily(), [failed], default);
        await finder.CompletedBackfillsAsync(default);

        var gap = (await Harness.Store().GetGapsAsync(default)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new GapScan(1, 1)));
            Assert.That(Harness.Client.Requested.Select(run => (run.From, run.To)), Is.EqualTo(new[] { ((DateOnly?)June10, (DateOnly?)June10) }), "one retry");
            Assert.That(completed, Is.Empty);
            Assert.That(again, Is.EqualTo(default(GapScan)));
            Assert.That((gap.Status, gap.FailedRunId, gap.BackfillRunId), Is.EqualTo((ReportGapStatus.Failed, "run_0610", "run_bf1")));
            Assert.That(Harness.Counted, Is.EqualTo(new Dictionary<string, long> { ["found"] = 1, ["backfilled"] = 1, ["failed"] = 1 }));
            Assert.That(Harness.Log.Lines.Select(line => line.Id.Id), Is.EqualTo(new[] { 201, 210, 212 }));
        });
    }

    [Test]
    public async Task A_failed_run_for_a_window_collected_anyway_or_no_occurrences_is_recorded_and_not_retried()
    {
        await Harness.CollectJuneButAsync();
        var coveredAnyway = Run("run_0610", RunStatus.Failed, June10, June10);
        var onDemand = Run("run_od", RunStatus.Failed, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 14));

        var scan = await Harness.Finder().ScanAsync(Daily(), [coveredAnyway, onDemand], default);

        Assert.Multiple(async () =>
        {
            Assert.That(scan, Is.EqualTo(default(GapScan)));
            Assert.That(Harness.Client.Requested, Is.Empty);
            Assert.That(await Harness.Store().FindSettledAsync(["run_0610", "run_od"], default), Is.EquivalentTo(new[] { "run_0610", "run_od" }));
            Assert.That(Harness.Log.Lines.Select(line => line.Id.Id), Is.EqualTo(new[] { 202 }));
        });
    }

    [Test]
    public async Task Completed_backfills_are_handed_over_until_collected_and_then_settled_as_filled()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(10, 20);
        var finder = Harness.Finder();
        await finder.ScanAsync(Daily(), [], default);
        Harness.Client.End("run_bf1", RunStatus.Completed);

        var first = await finder.CompletedBackfillsAsync(default);
        var second = await finder.CompletedBackfillsAsync(default);
        await Harness.CollectAsync("run_bf1", June10, June10);
        var third = await finder.CompletedBackfillsAsync(default);

        var gaps = await Harness.Store().GetGapsAsync(default);
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(run => (run.RunId, run.From, run.To)), Is.EqualTo(new[] { ("run_bf1", (DateOnly?)June10, (DateOnly?)June10) }));
            Assert.That(second.Select(run => run.RunId), Is.EqualTo(new[] { "run_bf1" }), "not collected yet: offered again");
            Assert.That(third, Is.Empty);
            Assert.That(gaps.Select(gap => gap.Status), Is.EqualTo(new[] { ReportGapStatus.Filled, ReportGapStatus.BackfillRequested }));
            Assert.That(Harness.Client.Requested, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_request_that_did_not_get_through_is_made_again_once_its_claim_lapses()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(10);
        Harness.Client.NextRunFailure = new ReportsException("Unavailable.", ReportsErrorCode.InternalError, 503);
        var finder = Harness.Finder();

        var scan = await finder.ScanAsync(Daily(), [], default);
        await finder.CompletedBackfillsAsync(default);
        var whileClaimed = Harness.Client.Requested.Count;
        Harness.Time.Advance(Harness.Options.ClaimLease);
        await finder.CompletedBackfillsAsync(default);
        await Harness.Finder("b").CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(scan, Is.EqualTo(new GapScan(1, 0)));
            Assert.That(whileClaimed, Is.Zero);
            Assert.That(Harness.Client.Requested.Select(run => run.From), Is.EqualTo(new DateOnly?[] { June10 }));
            Assert.That((await Harness.Store().GetGapsAsync(default)).Single().BackfillRunId, Is.EqualTo("run_bf1"));
            Assert.That(Harness.Log.Lines.Where(line => line.Id.Id == 211).Select(line => line.Message).Single(), Does.EndWith("(internal_error); asking again on a later pass"));
        });
    }

    [Test]
    public async Task A_request_the_service_refuses_or_a_backfill_run_it_forgot_settles_the_gap_as_failed()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(10, 20);
        Harness.Client.NextRunFailure = new ReportsException("No such report.", ReportsErrorCode.NotFound, 404);
        var finder = Harness.Finder();

        await finder.ScanAsync(Daily(), [], default);
        Harness.Client.Forget("run_bf1");
        Harness.Time.Advance(Harness.Options.ClaimLease);
        var completed = await finder.CompletedBackfillsAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(completed, Is.Empty);
            Assert.That(Harness.Client.Requested, Has.Count.EqualTo(1), "the refused window is not asked for again");
            Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.Status), Is.All.EqualTo(ReportGapStatus.Failed));
            Assert.That(Harness.Counted["failed"], Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Missing_gaps_are_not_backfilled_later_unless_backfill_is_on_and_they_are_within_since()
    {
        await Harness.CollectJuneButAsync(2, 25);
        await Harness.Finder().ScanAsync(Daily(), [], default);
        await Harness.Finder().CompletedBackfillsAsync(default);
        var withoutBackfill = Harness.Client.Requested.Count;

        // Turned on later, with a Since that reaches 25 June's window (due 26 June 06:00) but not 2 June's.
        Harness.Options.Backfill = true;
        Harness.Options.Since = TimeSpan.FromDays(10);
        await Harness.Finder().CompletedBackfillsAsync(default);

        Assert.That(withoutBackfill, Is.Zero);
        Assert.That(Harness.Client.Requested.Select(run => run.From), Is.EqualTo(new DateOnly?[] { new DateOnly(2026, 6, 25) }));
    }
}
