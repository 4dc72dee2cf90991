using System.Text.RegularExpressions;

namespace HeloData.Reports;

/// <summary>
/// Explains an expression that does not have five fields. A sixth field is either seconds in front
/// (as in Quartz and Spring) or a year at the end (as in Quartz and AWS); the advice depends on which
/// one it looks like, because removing the wrong field would shift every other field's meaning.
/// </summary>
internal static partial class CronFieldCount
{
    /// <summary>The five fields the API takes, in order.</summary>
    internal const string Fields = "minute hour day-of-month month day-of-week";

    private const int FieldCount = 5;

    /// <summary>Explains why <paramref name="fields"/> is not five fields, or returns <see langword="null"/> when it is.</summary>
    /// <param name="fields">The expression's fields, in order.</param>
    /// <param name="quoted">The whole expression, quoted for a message.</param>
    internal static string? Explain(string[] fields, string quoted)
    {
        var takes = $"the API takes exactly {FieldCount} ({Fields})";
        return fields.Length switch
        {
            FieldCount => null,
            1 => $"The schedule {quoted} has 1 field; {takes}, such as \"0 9 * * MON\".",
            6 => $"The schedule {quoted} has 6 fields; {takes}. {SixFields(fields)}",
            7 when fields[6] == "*" || Year().IsMatch(fields[6]) =>
                $"The schedule {quoted} has 7 fields; {takes}. This is Quartz cron's layout, with seconds first and a year last, and standard cron has neither: remove both, leaving {Leaving(fields[1..6])}.",
            var count => $"The schedule {quoted} has {count} fields; {takes}, such as \"0 9 * * MON\".",
        };
    }

    private static string SixFields(string[] fields)
    {
        // Where the names and Quartz's '?' sit tells the layouts apart: month and day-of-week are
        // fields 4 and 5 when a year follows them, fields 5 and 6 when seconds come first.
        var year = Year().IsMatch(fields[5])
            || CronTokens.HasName(fields[3], CronTokens.MonthNames)
            || CronTokens.HasName(fields[4], CronTokens.DayNames)
            || fields[2] == "?" || fields[4] == "?";
        var seconds = CronTokens.HasName(fields[4], CronTokens.MonthNames)
            || CronTokens.HasName(fields[5], CronTokens.DayNames)
            || fields[3] == "?" || fields[5] == "?";
        var withoutYear = Leaving(fields[..5]);
        var withoutSeconds = Leaving(fields[1..]);
        if (year && !seconds)
        {
            return $"The last field looks like a year, and cron has no year field (a schedule repeats every year): remove it, leaving {withoutYear}.";
        }

        if (seconds && !year)
        {
            return $"Seconds are not supported: remove the first (seconds) field, leaving {withoutSeconds}.";
        }

        return $"If the first field is seconds, remove it, leaving {withoutSeconds}: seconds are not supported. If the last field is a year, remove that instead, leaving {withoutYear}: cron has no year field.";
    }

    private static string Leaving(string[] fields) => ValueText.Quote(string.Join(' ', fields));

    // A year, a range of years, a step over them, or a list of those: "2026", "2026-2030", "2026,2028".
    [GeneratedRegex(@"\A\d{4}(-\d{4})?(/\d+)?(,\d{4}(-\d{4})?(/\d+)?)*\z")]
    private static partial Regex Year();
}
