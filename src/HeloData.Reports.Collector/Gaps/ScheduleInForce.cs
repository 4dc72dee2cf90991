using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>A stretch of time whose occurrences are judged with one schedule: due in (<see cref="After"/>, <see cref="Until"/>].</summary>
/// <param name="Schedule">The cron expression in force over the whole stretch.</param>
/// <param name="After">Where the stretch starts (exclusive).</param>
/// <param name="Until">The last instant judged (inclusive).</param>
/// <param name="AfterJudged"><see cref="After"/> is a checkpoint judged with this schedule (see <see cref="ScheduleWindows.Due"/>).</param>
internal readonly record struct ScheduleStretch(string Schedule, DateTimeOffset After, DateTimeOffset Until, bool AfterJudged);

/// <summary>
/// Which schedule was in force when: the one place the gap finder decides it, so no window is judged with a schedule
/// that was not the report's then (a <c>PATCH</c> of <c>schedule</c> would otherwise turn the old schedule's runs
/// into false gaps, and false backfills).
/// </summary>
/// <remarks>
/// What is known: the schedule stored with the checkpoint was in force from the checkpoint until at least the pass
/// that stored it (<see cref="ReportCheckpoint.ScheduleSeenAt"/>), and the report's current schedule since its
/// <c>updated_at</c> (the contract's report definition: it changes on every <c>PATCH</c>). Between the two the
/// schedule is not known, so the occurrences there are not judged at all; the service does not say which field a
/// <c>PATCH</c> changed, so any <c>PATCH</c> opens such a stretch (usually shorter than a poll interval, since the
/// checkpoint is stored each time a window comes due). With no schedule stored (a first pass, or a checkpoint an
/// earlier version wrote) nothing before <c>updated_at</c> is judged: a report changed in any way within
/// <see cref="ReportsCollectorOptions.Since"/> before the collector's first pass has its earlier gaps not looked for.
/// A report without <c>updated_at</c> (the contract says it always has one) is taken as unchanged while its schedule
/// is, and as changed at the last pass that saw the old schedule when it is not. A report whose schedule is removed
/// (or made unreadable) still has the stored schedule's windows judged up to when it was last seen, since those
/// occurrences were due while it was in force.
/// </remarks>
internal static class ScheduleInForce
{
    /// <summary>The stretches to judge, oldest first: the stored schedule's (when it is known and the report changed since), then the current one's.</summary>
    /// <param name="report">The report as this pass listed it.</param>
    /// <param name="currentReadable">The report has a schedule and it is cron this SDK reads.</param>
    /// <param name="checkpoint">The report's stored checkpoint, if any.</param>
    /// <param name="earliest">The oldest instant worth judging without a checkpoint: now minus <see cref="ReportsCollectorOptions.Since"/>.</param>
    /// <param name="until">The last instant to judge: now minus the grace period.</param>
    /// <returns>None, one or two stretches; the first of two, and the only one when the current schedule is not readable, is the stored schedule's.</returns>
    public static IReadOnlyList<ScheduleStretch> Stretches(Report report, bool currentReadable, ReportCheckpoint? checkpoint, DateTimeOffset earliest, DateTimeOffset until)
    {
        if (!currentReadable)
        {
            return checkpoint is { Schedule: { } last, ScheduleSeenAt: { } lastSeen } && last != report.Schedule
                ? [new(last, checkpoint.At, Earliest(lastSeen, until), AfterJudged: true)]
                : [];
        }

        var current = report.Schedule!;
        if (checkpoint is null)
        {
            // An occurrence at or before the report existed never had a run, and one before its last change may have
            // been another schedule's.
            return [new(current, Latest(earliest, report.CreatedAt, report.UpdatedAt), until, AfterJudged: false)];
        }

        if (checkpoint.Schedule is not { } stored || checkpoint.ScheduleSeenAt is not { } seen)
        {
            return report.UpdatedAt is { } updated && updated > checkpoint.At
                ? [new(current, updated, until, AfterJudged: false)]
                : [new(current, checkpoint.At, until, AfterJudged: true)];
        }

        var changedAt = report.UpdatedAt ?? seen;
        if (stored == current && changedAt <= seen)
        {
            return [new(current, checkpoint.At, until, AfterJudged: true)];
        }

        return
        [
            new(stored, checkpoint.At, Earliest(seen, until), AfterJudged: true),
            new(current, Latest(changedAt, seen, report.CreatedAt), until, AfterJudged: false),
        ];
    }

    private static DateTimeOffset Latest(DateTimeOffset first, DateTimeOffset? second, DateTimeOffset? third) =>
        new[] { first, second ?? first, third ?? first }.Max();

    private static DateTimeOffset Earliest(DateTimeOffset first, DateTimeOffset second) => first < second ? first : second;
}
