namespace HeloData.Reports.Testing.State;

/// <summary>
/// The service's scheduler: the next occurrence of every report's schedule, earliest first, and the
/// window the contract gives the run of each ("Scheduled runs", read by the core's <see cref="ScheduleWindows"/>,
/// which the collector judges them with too; no longest window, as the contract sets none). Not thread-safe: the
/// store calls it under its lock.
/// </summary>
internal sealed class SandboxSchedule
{
    // Ordered by occurrence, then report creation order, so runs due at one instant are made in the same order every time.
    private readonly PriorityQueue<Planned, (DateTimeOffset At, long Sequence)> _planned = new();

    /// <summary>The earliest planned occurrence, possibly of a schedule changed since (it then yields nothing).</summary>
    public DateTimeOffset? NextDue => _planned.TryPeek(out _, out var key) ? key.At : null;

    /// <summary>
    /// (Re)starts a report's schedule from <paramref name="now"/>, as its creation or a <c>PATCH</c> of
    /// <c>schedule</c> does; occurrences planned before are dropped. No schedule stops it.
    /// </summary>
    public void Start(StoredReport report, DateTimeOffset now)
    {
        report.ScheduleGeneration++;
        if (report.Schedule is not { } schedule)
        {
            return;
        }

        var timetable = CronTimetable.Parse(schedule);
        if (timetable.GetNextOccurrence(now) is not { } next)
        {
            return;
        }

        // The first run's window starts at the previous occurrence of the expression, before the report existed.
        Plan(new Planned(report, report.ScheduleGeneration, timetable, next));
    }

    /// <summary>Stops a report's schedule (deleted): what was planned is dropped.</summary>
    public static void Stop(StoredReport report) => report.ScheduleGeneration++;

    /// <summary>Every occurrence due by <paramref name="now"/>, earliest first, each with its run's window; the next ones are planned.</summary>
    public IEnumerable<Occurrence> TakeDue(DateTimeOffset now)
    {
        while (_planned.TryPeek(out var planned, out var key) && key.At <= now)
        {
            _planned.Dequeue();
            if (planned.Generation != planned.Report.ScheduleGeneration)
            {
                continue;
            }

            var (from, to) = ScheduleWindows.OfOccurrence(planned.Timetable, planned.At);
            if (planned.Timetable.GetNextOccurrence(planned.At) is { } next)
            {
                Plan(planned with { At = next });
            }

            yield return new Occurrence(planned.Report, planned.At, from, to);
        }
    }

    private void Plan(Planned planned) => _planned.Enqueue(planned, (planned.At, planned.Report.Sequence));

    /// <summary>An occurrence due: its report, when it fires (the run's <c>created_at</c>), and the run's window.</summary>
    internal readonly record struct Occurrence(StoredReport Report, DateTimeOffset At, DateOnly From, DateOnly To);

    private sealed record Planned(StoredReport Report, int Generation, CronTimetable Timetable, DateTimeOffset At);
}
