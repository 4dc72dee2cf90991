namespace HeloData.Reports.Collector;

/// <summary>The window a scheduled run covers, and when it was due.</summary>
/// <param name="From">The first day (UTC).</param>
/// <param name="To">The last day (UTC), inclusive.</param>
/// <param name="DueAt">The first occurrence on the day after <paramref name="To"/>.</param>
internal readonly record struct ScheduledWindow(DateOnly From, DateOnly To, DateTimeOffset DueAt);

/// <summary>
/// The contract's windows of scheduled runs: an occurrence covers the whole UTC days from the date of the previous
/// occurrence to the day before its own date. Several occurrences on one day all cover the same days, so a day
/// with occurrences gives one window, due at its first occurrence, and "the previous occurrence" is the last one
/// on an earlier day.
/// </summary>
internal static class ScheduleWindows
{
    // Standard cron fires on whole minutes: searching from one second before midnight finds a midnight occurrence.
    private static readonly TimeSpan BeforeMidnight = TimeSpan.FromSeconds(1);

    /// <summary>The windows whose first occurrence is due in (<paramref name="after"/>, <paramref name="until"/>], oldest first.</summary>
    /// <param name="timetable">The report's schedule.</param>
    /// <param name="after">The instant already judged (exclusive).</param>
    /// <param name="until">The last instant to judge (inclusive).</param>
    /// <returns>One window per day with occurrences.</returns>
    internal static IEnumerable<ScheduledWindow> Due(CronTimetable timetable, DateTimeOffset after, DateTimeOffset until)
    {
        // The day of 'after' is looked at from its midnight: if its first occurrence was judged already, the
        // day is skipped even though later occurrences of it fall in the range (they share its window).
        DateOnly? previousDay = null;
        var previousKnown = false;
        for (var next = FirstOnOrAfter(timetable, DayOf(after)); next is { } due && due <= until; next = FirstOnOrAfter(timetable, DayOf(due).AddDays(1)))
        {
            var day = DayOf(due);
            if (due > after)
            {
                // The first window of a range still takes its start from the schedule, not from the range.
                if (!previousKnown)
                {
                    previousDay = LastDayBefore(timetable, day);
                }

                if (previousDay is { } from)
                {
                    yield return new ScheduledWindow(from, day.AddDays(-1), due);
                }
            }

            previousDay = day;
            previousKnown = true;
        }
    }

    /// <summary>The scheduled window equal to (<paramref name="from"/>, <paramref name="to"/>), if a run of the schedule covers exactly those days.</summary>
    /// <param name="timetable">The report's schedule.</param>
    /// <param name="from">A run's first day.</param>
    /// <param name="to">A run's last day.</param>
    /// <returns>The window with its due time, or <see langword="null"/> when no occurrence has that window.</returns>
    internal static ScheduledWindow? Matching(CronTimetable timetable, DateOnly from, DateOnly to)
    {
        if (to < from || to == DateOnly.MaxValue)
        {
            return null;
        }

        var day = to.AddDays(1);
        return FirstOnOrAfter(timetable, day) is { } due && DayOf(due) == day && LastDayBefore(timetable, day) == from
            ? new ScheduledWindow(from, to, due)
            : null;
    }

    /// <summary>The last day before <paramref name="day"/> with an occurrence.</summary>
    private static DateOnly? LastDayBefore(CronTimetable timetable, DateOnly day)
    {
        // Cronos only searches forward: look back 1, 2, 4, ... days until an occurrence before the day shows up,
        // then walk forward day by day to the last one. A schedule that fires at all fires at least every 8 years
        // (29 February), so this ends quickly; the bound keeps the search inside the calendar.
        var midnight = StartOf(day);
        for (var lookback = 1; lookback < day.DayNumber; lookback *= 2)
        {
            if (FirstOnOrAfter(timetable, day.AddDays(-lookback)) is { } probe && probe < midnight)
            {
                var found = DayOf(probe);
                while (FirstOnOrAfter(timetable, found.AddDays(1)) is { } later && later < midnight)
                {
                    found = DayOf(later);
                }

                return found;
            }
        }

        return null;
    }

    private static DateTimeOffset? FirstOnOrAfter(CronTimetable timetable, DateOnly day) =>
        day == DateOnly.MinValue ? null : timetable.GetNextOccurrence(StartOf(day) - BeforeMidnight);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
