using System.Globalization;

namespace HeloData.Reports;

/// <summary>
/// Refuses a schedule that names no date that exists, such as <c>0 0 30 2 *</c>: the service would
/// keep a report that never runs, and the user would find out only by its silence.
/// </summary>
internal static class CronNeverFires
{
    // Cron has no year field, so whether a schedule ever fires does not depend on when it is asked;
    // a fixed instant keeps the answer the same on every machine and every day. Cronos searches
    // forward to year 9999 and, for an impossible day and month, answers in well under a millisecond.
    private static readonly DateTimeOffset Reference = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The longest each month can be: February's 29th exists, in leap years.
    private static readonly int[] MonthLengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Explains why the schedule never fires, or returns <see langword="null"/> when it does.</summary>
    /// <param name="fields">The five fields, in order, already accepted by Cronos.</param>
    /// <param name="timetable">The schedule's timetable.</param>
    /// <param name="quoted">The whole expression, quoted for a message.</param>
    internal static string? Check(string[] fields, CronTimetable timetable, string quoted) =>
        timetable.GetNextOccurrence(Reference) is null
            ? $"The schedule {quoted} never fires: {Reason(fields)}."
            : null;

    // A date exists for some day and month pair unless every day named is past the end of every
    // month named; the weekday never decides it, as every date falls on each weekday in some year.
    private static string Reason(string[] fields)
    {
        var days = Values(fields[CronTokens.DayOfMonthField], 31, names: null);
        var months = Values(fields[CronTokens.MonthField], 12, CronTokens.MonthNames);
        if (days is null || months is null || days.Any(day => months.Any(month => day <= MonthLengths[month - 1])))
        {
            return "no date matches its day-of-month and month fields";
        }

        var monthWords = months.Select(month => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)).ToList();
        var dayWords = days.Select(day => day.ToString(CultureInfo.InvariantCulture)).ToList();
        return days.Count == 1
            ? $"day {dayWords[0]} never occurs in {Join(monthWords, "or")}"
            : $"days {Join(dayWords, "and")} never occur in {Join(monthWords, "or")}";
    }

    private static string Join(List<string> words, string conjunction) => words.Count == 1
        ? words[0]
        : $"{string.Join(", ", words[..^1])} {conjunction} {words[^1]}";

    // The values a field selects, with Cronos's readings: "20/5" runs to the end, "5-1" wraps around.
    // Null for anything else, which then gets the general explanation.
    private static SortedSet<int>? Values(string field, int max, string[]? names)
    {
        var values = new SortedSet<int>();
        foreach (var item in field.Split(','))
        {
            var parts = item.Split('/');
            var step = 1;
            if (parts.Length > 2 || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)))
            {
                return null;
            }

            var ends = parts[0].Split('-');
            int? start = ends[0] == "*" ? 1 : Value(ends[0], names);
            int? end = ends.Length == 2 ? Value(ends[1], names) : ends[0] == "*" || parts.Length == 2 ? max : start;
            if (ends.Length > 2 || start is null || end is null)
            {
                return null;
            }

            var count = ((end.Value - start.Value + max) % max) + 1;
            for (var i = 0; i < count; i += step)
            {
                values.Add(((start.Value - 1 + i) % max) + 1);
            }
        }

        return values;
    }

    private static int? Value(string token, string[]? names)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.FindIndex(names, name => name.Equals(token, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }
}
