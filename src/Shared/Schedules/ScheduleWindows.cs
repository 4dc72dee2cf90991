namespace HeloData.Reports;

/// <summary>The window a scheduled run covers, and when it was due.</summary>
/// <param name="From">The first day (UTC).</param>
/// <param name="To">The last day (UTC), inclusive.</param>
/// <param name="DueAt">The occurrence it is judged at: the first on the day after <paramref name="To"/> that has this window (and counts).</param>
internal readonly record struct ScheduledWindow(DateOnly From, DateOnly To, DateTimeOffset DueAt);

/// <summary>
/// The contract's windows of scheduled runs: an occurrence covers the whole UTC days from the date of the previous
/// occurrence to the day before its own date, and occurrences after the first on one day cover the previous day.
/// So a day with occurrences has one window due at its first occurrence, and a second one (the previous day alone),
/// due at its second occurrence, only when the first one's is longer than a day (<c>0 9,17 * * MON</c>); the later
/// occurrences of a day repeat one of those two windows.
/// </summary>
/// <remarks>
/// The one reading of the contract's "Scheduled runs" in this repository: the sandbox (HeloData.Reports.Testing) makes
/// its scheduled runs with <see cref="OfOccurrence"/> and the collector judges them with <see cref="Due"/> and
/// <see cref="Matching"/>; both link this file, as they link <see cref="CronTimetable"/>. The contract sets no longest
/// window, so none is cut: a schedule that fires at all fires at least every 8 years (29 February 2096, then 2104),
/// which bounds the backward search and the longest window (<see cref="LongestWindowDays"/>).
/// </remarks>
internal static class ScheduleWindows
{
    /// <summary>The longest window a schedule gives: 29 February 2096 to 28 February 2104, between two occurrences of <c>0 0 29 2 *</c>.</summary>
    internal const int LongestWindowDays = 2921;

    // Standard cron fires on whole minutes: searching from one second before midnight finds a midnight occurrence.
    private static readonly TimeSpan BeforeMidnight = TimeSpan.FromSeconds(1);

    /// <summary>The windows due in (<paramref name="after"/>, <paramref name="until"/>], oldest first.</summary>
    /// <param name="timetable">The report's schedule.</param>
    /// <param name="after">Where the range starts (exclusive).</param>
    /// <param name="until">The last instant to judge (inclusive).</param>
    /// <param name="afterJudged">
    /// <paramref name="after"/> is a checkpoint: a window due at or before it was judged, so a later occurrence of
    /// the same day repeating it is skipped. Otherwise (a report's creation, or the start of <c>Since</c>) the
    /// occurrences before it do not count, and a window is due at its first occurrence in the range.
    /// </param>
    /// <returns>Each distinct window once, with the occurrence it is due at.</returns>
    internal static IEnumerable<ScheduledWindow> Due(CronTimetable timetable, DateTimeOffset after, DateTimeOffset until, bool afterJudged)
    {
        // Days are walked from the day of 'after', so the windows of occurrences before it on that day are known.
        DateOnly? previousDay = null;
        var previousKnown = false;
        for (var next = FirstOnOrAfter(timetable, DayOf(after)); next is { } first && first <= until; next = FirstOnOrAfter(timetable, DayOf(first).AddDays(1)))
        {
            var day = DayOf(first);
            if (!previousKnown)
            {
                // The first window of a range still takes its start from the schedule, not from the range.
                previousDay = LastDayBefore(timetable, day);
                previousKnown = true;
            }

            foreach (var window in OfDay(timetable, day, first, previousDay, afterJudged ? null : after).Where(window => window.DueAt > after && window.DueAt <= until))
            {
                yield return window;
            }

            previousDay = day;
        }
    }

    /// <summary>The scheduled window equal to (<paramref name="from"/>, <paramref name="to"/>), if a run of the schedule covers exactly those days.</summary>
    /// <param name="timetable">The report's schedule.</param>
    /// <param name="from">A run's first day.</param>
    /// <param name="to">A run's last day.</param>
    /// <returns>The window with the occurrence it is first due at, or <see langword="null"/> when no occurrence has that window.</returns>
    internal static ScheduledWindow? Matching(CronTimetable timetable, DateOnly from, DateOnly to)
    {
        if (to < from || to == DateOnly.MaxValue)
        {
            return null;
        }

        var day = to.AddDays(1);
        return FirstOnOrAfter(timetable, day) is { } first && DayOf(first) == day
            ? OfDay(timetable, day, first, LastDayBefore(timetable, day), countFrom: null).Cast<ScheduledWindow?>().FirstOrDefault(window => window!.Value.From == from)
            : null;
    }

    /// <summary>
    /// The window of the run at <paramref name="at"/>: from the date of the previous occurrence to the day before
    /// <paramref name="at"/>'s date; an occurrence after the first of its day covers the previous day alone.
    /// </summary>
    /// <param name="timetable">The report's schedule.</param>
    /// <param name="at">One of its occurrences.</param>
    /// <returns>The window's first and last days (UTC).</returns>
    internal static (DateOnly From, DateOnly To) OfOccurrence(CronTimetable timetable, DateTimeOffset at)
    {
        var day = DayOf(at);
        var yesterday = day.AddDays(-1);
        var firstOfDay = FirstOnOrAfter(timetable, day) == at;
        return (firstOfDay ? LastDayBefore(timetable, day) ?? yesterday : yesterday, yesterday);
    }

    private static IEnumerable<ScheduledWindow> OfDay(CronTimetable timetable, DateOnly day, DateTimeOffset first, DateOnly? previousDay, DateTimeOffset? countFrom)
    {
        var yesterday = day.AddDays(-1);
        if (previousDay is { } from && (previousDay != yesterday ? first : FirstOfDayAfter(timetable, day, first, countFrom)) is { } due)
        {
            yield return new ScheduledWindow(from, yesterday, due);
        }

        if (previousDay != yesterday && timetable.GetNextOccurrence(first) is { } second && DayOf(second) == day
            && FirstOfDayAfter(timetable, day, second, countFrom) is { } secondDue)
        {
            yield return new ScheduledWindow(yesterday, yesterday, secondDue);
        }
    }

    /// <summary>The first of a window's occurrences on its day, from <paramref name="occurrence"/> on, that falls after <paramref name="countFrom"/>.</summary>
    private static DateTimeOffset? FirstOfDayAfter(CronTimetable timetable, DateOnly day, DateTimeOffset occurrence, DateTimeOffset? countFrom) =>
        countFrom is not { } after || occurrence > after ? occurrence
        : timetable.GetNextOccurrence(after) is { } next && DayOf(next) == day ? next
        : null;

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
