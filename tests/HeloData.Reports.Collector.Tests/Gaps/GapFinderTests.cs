using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// Which scheduled windows are gaps: those with no collected run (nor one the pass saw still to collect), due since the checkpoint (or
/// <c>Since</c>, or the report's creation) and before the grace period; each recorded once, logged and counted.
/// </summary>
public sealed class GapFinderTests : GapFinderFixture
{
    [Test]
    public async Task Thirty_daily_occurrences_with_five_runs_never_seen_give_five_gaps_and_five_backfills_covering_every_day_once()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(3, 8, 15, 22, 29);

        var scan = await Harness.Finder().ScanAsync(Daily(), [], default);

        var missing = new[] { 3, 8, 15, 22, 29 }.Select(day => new DateOnly(2026, 6, day)).ToList();
        var covered = await Harness.Store().GetCoveredWindowsAsync(ReportId, June.First(), default);
        var requested = Harness.Client.Requested.Select(run => (run.From!.Value, run.To!.Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(scan, Is.EqualTo(new GapScan(5, 5)));
            Assert.That(requested, Is.EqualTo(missing.Select(day => (day, day))));
            Assert.That(covered.Concat(requested).OrderBy(window => window.Item1), Is.EqualTo(June.Select(day => (day, day))), "every day once");
            Assert.That(Harness.Counted, Is.EqualTo(new Dictionary<string, long> { ["found"] = 5, ["backfilled"] = 5 }));
        });

        var gaps = await Harness.Store().GetGapsAsync(default);
        Assert.That(gaps.Select(gap => (gap.From, gap.To, gap.DueAt, gap.Status, gap.BackfillRunId)), Is.EqualTo(missing.Select((day, index) =>
            (day, day, new DateTimeOffset(day.AddDays(1), new TimeOnly(6, 0), TimeSpan.Zero), ReportGapStatus.BackfillRequested, (string?)$"run_bf{index + 1}"))));
    }

    [Test]
    public async Task Without_backfill_gaps_are_recorded_logged_and_counted_and_no_run_is_created()
    {
        await Harness.CollectJuneButAsync(10, 11);

        var scan = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.Multiple(() =>
        {
            Assert.That(scan, Is.EqualTo(new GapScan(2, 0)));
            Assert.That(Harness.Client.Requested, Is.Empty);
            Assert.That(Harness.Counted, Is.EqualTo(new Dictionary<string, long> { ["found"] = 2 }));
            Assert.That(Harness.Log.Lines.Where(line => line.Id.Id == 200).Select(line => line.Message), Is.EqualTo(new[]
            {
                "Report rep_daily has no run for its scheduled window 06/10/2026..06/10/2026 (due 06/11/2026 06:00:00 +00:00)",
                "Report rep_daily has no run for its scheduled window 06/11/2026..06/11/2026 (due 06/12/2026 06:00:00 +00:00)",
            }));
        });
        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.Status), Is.All.EqualTo(ReportGapStatus.Missing));
    }

    [Test]
    public async Task A_gap_is_recorded_and_backfilled_once_however_many_instances_and_passes_look()
    {
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(5);

        var scans = new List<GapScan>();
        foreach (var instance in new[] { "a", "b", "a", "c" })
        {
            // A later pass starts at the checkpoint; going back to it finds nothing new either.
            scans.Add(await Harness.Finder(instance).ScanAsync(Daily(), [], default));
        }

        Assert.That(scans, Is.EqualTo(new[] { new GapScan(1, 1), default(GapScan), default(GapScan), default(GapScan) }));
        Assert.That(Harness.Client.Requested, Has.Count.EqualTo(1));
        Assert.That(await Harness.Store().GetGapsAsync(default), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_occurrence_within_the_grace_period_is_not_judged_until_the_grace_period_ends()
    {
        Harness.Options.GapGracePeriod = TimeSpan.FromHours(2);
        await Harness.CollectJuneButAsync(30);

        // 1 July 06:00 is 1.5 hours ago: its run may still come.
        var early = await Harness.Finder().ScanAsync(Daily(), [], default);
        var checkpoint = (await Harness.Store().GetReportCheckpointAsync(ReportId, default))?.At;
        Harness.Time.Advance(TimeSpan.FromMinutes(31));
        var late = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.Multiple(async () =>
        {
            Assert.That(early, Is.EqualTo(default(GapScan)));
            Assert.That(checkpoint, Is.EqualTo(new DateTimeOffset(2026, 6, 30, 6, 0, 0, TimeSpan.Zero)), "the last occurrence judged");
            Assert.That(late, Is.EqualTo(new GapScan(1, 0)));
            Assert.That((await Harness.Store().GetGapsAsync(default)).Single().From, Is.EqualTo(new DateOnly(2026, 6, 30)));
        });
    }

    [Test]
    public async Task Windows_at_or_before_the_checkpoint_are_not_judged_again()
    {
        // Nothing was collected, but an earlier pass judged every occurrence up to 20 June 06:00.
        await Harness.Store().AdvanceCheckpointAsync(ReportId, new ReportCheckpoint { At = new DateTimeOffset(2026, 6, 20, 6, 0, 0, TimeSpan.Zero) }, default);

        var scan = await Harness.Finder().ScanAsync(Daily(), [], default);

        var gaps = await Harness.Store().GetGapsAsync(default);
        Assert.That(scan.GapsFound, Is.EqualTo(11));
        Assert.That(gaps.Select(gap => gap.From), Is.EqualTo(June.Where(day => day.Day >= 20)));
    }

    [Test]
    public async Task A_first_pass_looks_back_as_far_as_since()
    {
        Harness.Options.Since = TimeSpan.FromDays(3);

        await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.From), Is.EqualTo(June.Where(day => day.Day >= 28)));
    }

    [Test]
    public async Task Occurrences_before_the_report_was_created_are_not_gaps()
    {
        Harness.Options.Since = TimeSpan.FromDays(90);

        var scan = await Harness.Finder().ScanAsync(Daily(createdAt: new DateTimeOffset(2026, 6, 25, 6, 0, 0, TimeSpan.Zero)), [], default);

        // Created at 25 June 06:00 exactly: the occurrence at that instant had no run; the six after it are gaps,
        // the first one's window starting on the day of the occurrence that never fired (the schedule says so).
        Assert.That(scan.GapsFound, Is.EqualTo(6));
        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.From), Is.EqualTo(June.Where(day => day.Day >= 25)));
        Assert.That((await Harness.Store().GetGapsAsync(default)).First().To, Is.EqualTo(new DateOnly(2026, 6, 25)));
    }

    [Test]
    public async Task The_checkpoint_only_moves_forward_over_judged_windows_and_stops_before_a_run_still_in_progress()
    {
        await Harness.CollectJuneButAsync(12, 13);
        var store = Harness.Store();

        // The scheduled run of 12 June's window is still running: not a gap, and the checkpoint waits for it.
        var running = Run("run_0612", RunStatus.Running, new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 12));
        var first = await Harness.Finder().ScanAsync(Daily(), [running], default);
        var held = (await store.GetReportCheckpointAsync(ReportId, default))?.At;
        var second = await Harness.Finder().ScanAsync(Daily(), [], default);

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.EqualTo(new GapScan(1, 0)), "13 June only");
            Assert.That(held, Is.EqualTo(new DateTimeOffset(2026, 6, 12, 6, 0, 0, TimeSpan.Zero)), "the last window judged before 12 June's");
            Assert.That(second, Is.EqualTo(new GapScan(1, 0)), "12 June, once its run is gone");
            Assert.That((await store.GetReportCheckpointAsync(ReportId, default))?.At, Is.EqualTo(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero)));
        });

        // A later checkpoint stays when a pass judges less (here: a longer grace period).
        Harness.Options.GapGracePeriod = TimeSpan.FromDays(3);
        await Harness.Finder().ScanAsync(Daily(), [], default);
        Assert.That((await store.GetReportCheckpointAsync(ReportId, default))?.At, Is.EqualTo(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task A_completed_run_not_collected_yet_is_no_gap_and_a_collected_one_in_the_list_holds_nothing_back()
    {
        // 12 June's run completed but its handler failed this pass (released, so not covered): it is collected again
        // on the next pass, not replaced. 20 June's was collected and is still in recent_runs.
        Harness.Options.Backfill = true;
        await Harness.CollectJuneButAsync(12);
        var notCollected = Run("run_0612", RunStatus.Completed, new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 12));
        var collected = Run("run_0620", RunStatus.Completed, new DateOnly(2026, 6, 20), new DateOnly(2026, 6, 20));

        var scan = await Harness.Finder().ScanAsync(Daily(), [notCollected, collected], default);

        Assert.That(scan, Is.EqualTo(default(GapScan)));
        Assert.That(Harness.Client.Requested, Is.Empty);
        Assert.That((await Harness.Store().GetReportCheckpointAsync(ReportId, default))?.At, Is.EqualTo(new DateTimeOffset(2026, 6, 12, 6, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task An_hourly_schedule_has_one_gap_per_missing_day_not_one_per_occurrence()
    {
        // Since starts at 1 June 07:30: that day's later occurrences still cover 31 May, collected here too.
        await Harness.CollectJuneButAsync(7);
        await Harness.CollectAsync("run_0531", new DateOnly(2026, 5, 31), new DateOnly(2026, 5, 31));

        var scan = await Harness.Finder().ScanAsync(Daily("0 * * * *"), [], default);

        var gap = (await Harness.Store().GetGapsAsync(default)).Single();
        Assert.That(scan.GapsFound, Is.EqualTo(1));
        Assert.That((gap.From, gap.To, gap.DueAt), Is.EqualTo((new DateOnly(2026, 6, 7), new DateOnly(2026, 6, 7), new DateTimeOffset(2026, 6, 8, 0, 0, 0, TimeSpan.Zero))));
    }

    [TestCase(null, Description = "on demand only")]
    [TestCase("0 0 9 * * MON", Description = "six fields, with seconds")]
    public async Task A_report_without_a_schedule_standard_cron_reads_has_no_gaps(string? schedule)
    {
        var scan = await Harness.Finder().ScanAsync(ReportsModelFactory.Report(ReportId, schedule: schedule), [], default);

        Assert.That(scan, Is.EqualTo(default(GapScan)));
        Assert.That(await Harness.Store().GetGapsAsync(default), Is.Empty);
        Assert.That((await Harness.Store().GetReportCheckpointAsync(ReportId, default))?.At, Is.Null);
    }
}
