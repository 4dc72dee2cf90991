using Cronos;

namespace HeloData.Reports;

/// <summary>
/// Computes when a parsed 5-field cron expression fires, in UTC. Keeps Cronos out of
/// <see cref="ReportSchedule"/>'s public surface.
/// </summary>
/// <remarks>
/// Standard cron (POSIX, Vixie cron) fires on a day that matches the day-of-month field OR the
/// day-of-week field when both are restricted (neither starts with <c>*</c>); Cronos requires both
/// to match. "Standard 5-field cron" is what the API promises, so such an expression is split in
/// two, one per day field, and the earlier occurrence of the two wins.
/// </remarks>
internal sealed class CronTimetable
{
    private readonly CronExpression _primary;
    private readonly CronExpression? _alternative;

    private CronTimetable(CronExpression primary, CronExpression? alternative)
    {
        _primary = primary;
        _alternative = alternative;
    }

    /// <summary>Builds the timetable of an expression Cronos has already accepted.</summary>
    /// <param name="fields">The five fields, in order.</param>
    /// <param name="parsed">The whole expression as Cronos parsed it.</param>
    internal static CronTimetable Create(string[] fields, CronExpression parsed)
    {
        if (IsStar(fields[2]) || IsStar(fields[4]))
        {
            return new CronTimetable(parsed, alternative: null);
        }

        var byDayOfMonth = $"{fields[0]} {fields[1]} {fields[2]} {fields[3]} *";
        var byDayOfWeek = $"{fields[0]} {fields[1]} * {fields[3]} {fields[4]}";
        return new CronTimetable(
            CronExpression.Parse(byDayOfMonth, CronFormat.Standard),
            CronExpression.Parse(byDayOfWeek, CronFormat.Standard));
    }

    /// <summary>The first fire time strictly after <paramref name="after"/>, in UTC.</summary>
    /// <param name="after">The instant to search from.</param>
    /// <returns>The occurrence, or <see langword="null"/> when the expression never fires again.</returns>
    internal DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        var first = _primary.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
        if (_alternative is null)
        {
            return first;
        }

        var second = _alternative.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return first <= second ? first : second;
    }

    // Vixie cron's test: a day field is unrestricted when it starts with '*' (so "*/2" counts).
    private static bool IsStar(string field) => field[0] == '*';
}
