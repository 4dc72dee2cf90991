using System.Globalization;
using Cronos;

namespace HeloData.Reports;

/// <summary>
/// A 5-field cron expression read as standard cron, with Cronos doing the parsing and the calendar:
/// when it next fires, in UTC, and whether it ever does. The sandbox (HeloData.Reports.Testing)
/// links this file, so the SDK's preview and the sandbox's <c>next_run_at</c> are one reading of the
/// contract, and neither package depends on the other's internals.
/// </summary>
/// <remarks>
/// Standard cron (POSIX, Vixie cron) fires on a day that matches the day-of-month field OR the
/// day-of-week field when both are restricted (neither starts with <c>*</c>); Cronos requires both
/// to match. Such an expression is read as two, one per day field, and the earlier occurrence wins.
/// </remarks>
internal sealed class CronTimetable
{
    // Cron has no year field and the Gregorian calendar repeats every 400 years, so a schedule with
    // no occurrence from here to the end of the calendar (year 9999, where Cronos stops looking) has
    // none at all; a fixed instant gives the same answer on every machine and every day. 2000 is a
    // leap year, so "0 0 29 2 *" is found at once, and an impossible date costs under a millisecond.
    private static readonly DateTime Reference = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Cronos separates fields by these two and no other white space.
    private static readonly char[] Blanks = [' ', '\t'];

    private readonly string[] _fields;
    private readonly CronExpression _primary;
    private readonly CronExpression? _alternative;

    private CronTimetable(string[] fields, CronExpression primary, CronExpression? alternative)
    {
        _fields = fields;
        _primary = primary;
        _alternative = alternative;
    }

    /// <summary>Splits an expression into its fields where Cronos does: at spaces and tabs.</summary>
    /// <param name="expression">The expression.</param>
    internal static string[] Fields(string expression) => expression.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Parses an expression whose values are standard cron's. The caller checks that first: Cronos
    /// also takes Quartz's <c>L</c>, <c>W</c>, <c>#</c> and <c>?</c>, its own <c>H</c>, and macros.
    /// </summary>
    /// <param name="expression">The expression, exactly as it is sent.</param>
    /// <returns>The timetable.</returns>
    /// <exception cref="CronFormatException">Cronos refuses a value, a range, a step or the layout.</exception>
    internal static CronTimetable Parse(string expression)
    {
        var whole = CronExpression.Parse(expression, CronFormat.Standard);
        var fields = Fields(expression);

        // Vixie cron's test: a day field is unrestricted when it starts with '*' (so "*/2" counts).
        return fields.Length != 5 || fields[2][0] == '*' || fields[4][0] == '*'
            ? new CronTimetable(fields, whole, alternative: null)
            : new CronTimetable(fields, Standard($"{fields[0]} {fields[1]} {fields[2]} {fields[3]} *"), Standard($"{fields[0]} {fields[1]} * {fields[3]} {fields[4]}"));
    }

    /// <summary>The first fire time strictly after <paramref name="after"/>, in UTC.</summary>
    /// <param name="after">The instant to search from.</param>
    /// <returns>The occurrence, or <see langword="null"/> when none is left before the end of the calendar.</returns>
    internal DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        var first = _primary.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
        var second = _alternative?.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
        return first is null || second is null ? first ?? second : first <= second ? first : second;
    }

    /// <summary>
    /// Why the schedule never fires, such as <c>day 30 never occurs in February</c>, or
    /// <see langword="null"/> when it fires.
    /// </summary>
    internal string? NeverFires()
    {
        if (GetNextOccurrence(new DateTimeOffset(Reference)) is not null)
        {
            return null;
        }

        // Only a day-of-month and a month that never meet can stop a schedule: every date falls on
        // each weekday in some year, and a restricted day-of-week ORed in fires in every month.
        // Cronos lists what each field selects: January 2000 has every day, the year every month.
        var days = Dates($"0 0 {_fields[2]} 1 *", Reference.AddMonths(1)).Select(date => date.Day.ToString(CultureInfo.InvariantCulture)).ToList();
        var months = Dates($"0 0 1 {_fields[3]} *", Reference.AddYears(1)).Select(date => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)).ToList();
        return days.Count == 1
            ? $"day {days[0]} never occurs in {Join(months, "or")}"
            : $"days {Join(days, "and")} never occur in {Join(months, "or")}";
    }

    private static CronExpression Standard(string expression) => CronExpression.Parse(expression, CronFormat.Standard);

    private static IEnumerable<DateTime> Dates(string expression, DateTime before) => Standard(expression).GetOccurrences(Reference, before);

    private static string Join(List<string> words, string conjunction) => words.Count == 1
        ? words[0]
        : $"{string.Join(", ", words[..^1])} {conjunction} {words[^1]}";
}
