using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// A run a door claimed and did not collect (a push still being handled, or one whose instance died) is a run of its
/// window even when <c>recent_runs</c> never shows it: the window is pending, not a gap, and gets no second run; past
/// the grace period the gap finder reads it by id for the pass to collect.
/// </summary>
public sealed class GapFinderUncollectedTests : GapFinderFixture
{
    // The last window the harness's clock judges (due at 06:00 on 1 July), and the checkpoint held before it.
    private static readonly DateOnly June30 = new(2026, 6, 30);
    private static readonly DateTimeOffset June30Due = new(2026, 6, 30, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_push_still_being_handled_past_the_grace_period_is_pending_not_a_gap_and_gets_no_second_run()
    {
        Harness.Options.Backfill = true;
        var pushed = await PushedAsync(RunStatus.Completed, TimeSpan.FromDays(60));

        var scan = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.Multiple(async () =>
        {
            Assert.That((scan.GapsFound, scan.BackfillsRequested), Is.EqualTo((0, 0)));
            Assert.That(scan.Uncollected!.Select(run => run.RunId), Is.EqualTo(new[] { pushed.RunId }), "read by id for the pass, whose claim answers 'in progress'");
            Assert.That(Harness.Client.Requested, Is.Empty);
            Assert.That(await Harness.Store().GetGapsAsync(default), Is.Empty);
            Assert.That((await Harness.Store().GetReportCheckpointAsync(ReportId, default))?.At, Is.EqualTo(June30Due), "the checkpoint waits before its window");
        });
    }

    [Test]
    public async Task A_claimed_run_read_by_id_and_still_not_collected_is_read_again_once_per_grace_period_and_stays_pending()
    {
        // A pushed run with no download URL: each pass that reads it claims and releases it, left to its push.
        Harness.Options.Backfill = true;
        var pushed = await PushedAsync(RunStatus.Completed, TimeSpan.FromMinutes(1));
        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        var finder = Harness.Finder();

        var first = await finder.ScanAsync(Daily(), [], default);
        Harness.Time.Advance(Harness.Options.GapGracePeriod - TimeSpan.FromMinutes(1));
        var within = await finder.ScanAsync(Daily(), [], default);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await finder.ScanAsync(Daily(), [], default);

        Assert.Multiple(async () =>
        {
            Assert.That(Harness.Client.Read, Is.EqualTo(new[] { pushed.RunId, pushed.RunId }), "read on the first pass and once the grace period passed");
            Assert.That((first.Uncollected?.Count, within.Uncollected?.Count, after.Uncollected?.Count), Is.EqualTo(((int?)1, (int?)null, (int?)1)));
            Assert.That((within.GapsFound, within.BackfillsRequested, Harness.Client.Requested.Count), Is.EqualTo((0, 0, 0)), "pending meanwhile, not a gap");
            Assert.That(await Harness.Store().GetGapsAsync(default), Is.Empty);
        });
    }

    [Test]
    public async Task A_push_whose_instance_died_is_collected_by_id_and_then_covers_its_window()
    {
        Harness.Options.Backfill = true;
        var pushed = await PushedAsync(RunStatus.Completed, TimeSpan.FromMinutes(1));
        Harness.Time.Advance(TimeSpan.FromMinutes(2));

        var first = await Harness.Finder().ScanAsync(Daily(), [], default);
        await Harness.CollectAsync(pushed.RunId, June30, June30);
        var second = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.Multiple(async () =>
        {
            Assert.That(first.Uncollected!.Select(run => run.RunId), Is.EqualTo(new[] { pushed.RunId }));
            Assert.That(second, Is.EqualTo(default(GapScan)));
            Assert.That(Harness.Client.Requested, Is.Empty);
            Assert.That(await Harness.Store().GetGapsAsync(default), Is.Empty);
            Assert.That((await Harness.Store().GetReportCheckpointAsync(ReportId, default))?.At, Is.EqualTo(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task A_claimed_run_the_service_reports_failed_is_retried_once_as_a_failed_occurrence()
    {
        var pushed = await PushedAsync(RunStatus.Failed, TimeSpan.FromMinutes(1));

        var scan = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.That(scan, Is.EqualTo(new GapScan(1, 1)), "retried whatever Backfill says, as a failed scheduled run is");
        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => (gap.From, gap.FailedRunId)), Is.EqualTo(new[] { (June30, (string?)pushed.RunId) }));
    }

    [Test]
    public async Task A_claimed_run_the_service_no_longer_has_leaves_its_window_a_gap()
    {
        var pushed = await PushedAsync(RunStatus.Completed, TimeSpan.FromMinutes(1));
        await Harness.Store("engine").ReleaseAsync(pushed.RunId, default);
        Harness.Client.Forget(pushed.RunId);

        var scan = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.That(scan, Is.EqualTo(new GapScan(1, 0)));
        Assert.That(Harness.Log.Lines.Where(line => line.Id.Id == 231).Select(line => line.Message), Has.One.Contains(pushed.RunId));
    }

    [Test]
    public async Task A_claimed_run_never_collected_a_day_after_its_window_came_due_no_longer_holds_it_back()
    {
        // The service redelivers a push for about a day; a run still not collected after that (pushed with no download
        // URL, so the pass cannot take it) is judged: a gap, so the checkpoint is not held for ever.
        Harness.Options.Backfill = true;
        await PushedAsync(RunStatus.Completed, TimeSpan.FromDays(60));
        var held = await Harness.Finder().ScanAsync(Daily(), [], default);

        Harness.Time.Advance(TimeSpan.FromDays(1));
        var judged = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.That((held.GapsFound, held.BackfillsRequested), Is.EqualTo((0, 0)));
        Assert.That((judged.GapsFound, judged.BackfillsRequested), Is.EqualTo((2, 2)), "30 June's window, and 1 July's (nothing collected it)");
        Assert.That(Harness.Client.Requested.Select(run => run.From), Is.EqualTo(new DateOnly?[] { June30, June30.AddDays(1) }));
    }

    /// <summary>Every day of June collected but one, whose run a door claimed (and did not complete) under <paramref name="lease"/>.</summary>
    private async Task<ReportRun> PushedAsync(RunStatus status, TimeSpan lease)
    {
        var day = June30;
        await Harness.CollectJuneButAsync(day.Day);
        var run = Run($"run_{day:MMdd}", status, day, day);
        Harness.Client.Add(run);
        var claim = await Harness.Store("engine").TryClaimAsync(new RunRecord { RunId = run.RunId, ReportId = ReportId, From = day, To = day }, lease, default);
        Assert.That(claim.Status, Is.EqualTo(RunClaimStatus.Claimed));
        return run;
    }
}
