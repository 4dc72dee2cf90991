using HeloData.Reports.Models;
using static HeloData.Reports.Collector.Tests.Gaps.GapFinderHarness;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// No window is judged with a schedule that was not in force then: the checkpoint keeps the schedule it was judged
/// by, and the report's <c>updated_at</c> says since when the current one is (ScheduleInForce).
/// </summary>
public sealed class GapFinderScheduleChangeTests : GapFinderFixture
{
    private static readonly DateTimeOffset June20Noon = new(2026, 6, 20, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_first_pass_judges_nothing_due_before_the_reports_last_change()
    {
        var scan = await Harness.Finder().ScanAsync(Changed(June20Noon), [], default);

        var gaps = await Harness.Store().GetGapsAsync(default);
        Assert.That(scan.GapsFound, Is.EqualTo(11));
        Assert.That(gaps.Select(gap => gap.From.Day), Is.EqualTo(Enumerable.Range(20, 11)), "the windows due from 21 June on");
    }

    [Test]
    public async Task A_checkpoint_written_without_its_schedule_is_judged_on_from_the_reports_change_after_it()
    {
        await Harness.Store().AdvanceCheckpointAsync(ReportId, new ReportCheckpoint { At = new DateTimeOffset(2026, 6, 10, 6, 0, 0, TimeSpan.Zero) }, default);

        await Harness.Finder().ScanAsync(Changed(June20Noon), [], default);

        var checkpoint = await Harness.Store().GetReportCheckpointAsync(ReportId, default);
        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.From.Day), Is.EqualTo(Enumerable.Range(20, 11)));
        Assert.That((checkpoint!.At, checkpoint.Schedule, checkpoint.ScheduleSeenAt), Is.EqualTo((new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), "0 6 * * *", Now)));
    }

    [Test]
    public async Task A_patch_of_another_field_leaves_the_occurrences_between_the_last_pass_and_it_unjudged_and_judges_the_rest()
    {
        // Judged to 10 June's occurrence at 09:00 that day; renamed on the 20th at noon; nothing collected since.
        Harness.Time.AdjustTime(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero));
        Harness.Options.Since = TimeSpan.FromDays(9);
        await Harness.CollectJuneButAsync([.. Enumerable.Range(10, 21)]);
        await Harness.Finder().ScanAsync(Daily(), [], default);
        Harness.Time.AdjustTime(Now);

        await Harness.Finder().ScanAsync(Changed(June20Noon), [], default);

        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.From.Day), Is.EqualTo(Enumerable.Range(20, 11)), "10 to 19 June: not known which schedule was in force");
    }

    [TestCase(null, Description = "removed")]
    [TestCase("0 0 9 * * MON", Description = "six fields, with seconds")]
    public async Task A_schedule_removed_or_made_unreadable_still_has_its_windows_judged_up_to_when_it_was_last_seen(string? schedule)
    {
        // Judged at 29 June 06:30, when 28 June's window (due 06:00) was still within the grace period; PATCHed at 06:45.
        var seen = new DateTimeOffset(2026, 6, 29, 6, 30, 0, TimeSpan.Zero);
        var patched = ReportsModelFactory.Report(ReportId, schedule: schedule, createdAt: Now.AddDays(-100), updatedAt: seen.AddMinutes(15));
        Harness.Options.Since = TimeSpan.FromDays(20);
        await Harness.CollectJuneButAsync(25, 28);
        Harness.Time.AdjustTime(seen);
        await Harness.Finder().ScanAsync(Daily(), [], default);

        Harness.Time.AdjustTime(seen.AddMinutes(20));
        var early = await Harness.Finder().ScanAsync(patched, [], default);
        Harness.Time.AdjustTime(Now);
        var late = await Harness.Finder().ScanAsync(patched, [], default);
        var again = await Harness.Finder().ScanAsync(patched, [], default);

        var checkpoint = await Harness.Store().GetReportCheckpointAsync(ReportId, default);
        Assert.That((early.GapsFound, late.GapsFound, again.GapsFound), Is.EqualTo((0, 1, 0)), "28 June's window comes past its grace period after the PATCH");
        Assert.That((await Harness.Store().GetGapsAsync(default)).Select(gap => gap.From.Day), Is.EqualTo(new[] { 25, 28 }));
        Assert.That(checkpoint, Is.EqualTo(new ReportCheckpoint { At = new DateTimeOffset(2026, 6, 29, 6, 0, 0, TimeSpan.Zero), Schedule = "0 6 * * *", ScheduleSeenAt = seen }));
    }

    private static Report Changed(DateTimeOffset updatedAt) =>
        ReportsModelFactory.Report(ReportId, schedule: "0 6 * * *", createdAt: Now.AddDays(-100), updatedAt: updatedAt);
}
