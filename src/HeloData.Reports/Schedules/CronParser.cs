using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Cronos;

namespace HeloData.Reports;

/// <summary>
/// The rules a schedule must pass before it is sent, each refusal saying what is wrong and what to
/// write instead: the API's own promise first (plain ASCII, no macros, exactly five fields of
/// standard cron's values, <see cref="CronTokens"/>), then Cronos as the judge of each value's range,
/// and last, that the schedule fires at all (<see cref="CronTimetable"/>).
/// </summary>
internal static partial class CronParser
{
    /// <summary>The five fields the API takes, in order.</summary>
    private const string Fields = "minute hour day-of-month month day-of-week";

    private const string Takes = $"the API takes a standard 5-field cron expression ({Fields}), such as \"0 9 * * MON\". To run on demand only, leave the schedule out (null).";

    // Cronos starts every message with this; ours says it better, with the expression quoted.
    private const string CronosPrefix = "The given cron expression has an invalid format. ";

    // Cron is written in printable ASCII, its fields separated by spaces or tabs (Cronos's reading too).
    private static readonly SearchValues<char> Ascii = SearchValues.Create(['\t', .. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

    /// <summary>Parses <paramref name="expression"/>, or explains why it cannot be sent.</summary>
    /// <param name="expression">The cron expression, exactly as it would be sent.</param>
    /// <param name="timetable">The parsed expression, when valid.</param>
    /// <param name="error">Why the expression is refused, quoting it, when invalid.</param>
    /// <returns><see langword="true"/> when the expression is valid.</returns>
    internal static bool TryParse(string expression, [NotNullWhen(true)] out CronTimetable? timetable, [NotNullWhen(false)] out string? error)
    {
        timetable = null;
        var quoted = ValueText.Quote(expression);
        var fields = CronTimetable.Fields(expression);
        error = Text(expression, quoted) ?? Count(fields, quoted) ?? CronTokens.Check(fields, quoted);
        if (error is not null)
        {
            return false;
        }

        try
        {
            timetable = CronTimetable.Parse(expression);
        }
        catch (CronFormatException ex)
        {
            error = $"The schedule {quoted} is not valid cron: {(ex.Message.StartsWith(CronosPrefix, StringComparison.Ordinal) ? ex.Message[CronosPrefix.Length..] : ex.Message)}";
            return false;
        }

        if (timetable.NeverFires() is { } reason)
        {
            (timetable, error) = (null, $"The schedule {quoted} never fires: {reason}.");
        }

        return error is null;
    }

    // What Cronos would explain less clearly than the user deserves, or accept: an empty or blank
    // expression, white space around it, a character cron does not use, and Cronos's @ macros.
    private static string? Text(string expression, string quoted)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return $"The schedule {quoted} is {(expression.Length == 0 ? "empty" : "blank")}; {Takes}";
        }

        // Rejected rather than trimmed: the schedule is sent exactly as given, so what is checked
        // here must be what the service receives.
        if (char.IsWhiteSpace(expression[0]) || char.IsWhiteSpace(expression[^1]))
        {
            return $"The schedule {quoted} has leading or trailing white space; write {ValueText.Quote(expression.Trim())} instead.";
        }

        // By code point: a no-break space, a zero-width space or an Arabic-Indic digit looks right when quoted.
        var odd = expression.AsSpan().IndexOfAnyExcept(Ascii);
        if (odd >= 0)
        {
            var codePoint = char.IsSurrogatePair(expression, odd) ? char.ConvertToUtf32(expression, odd) : expression[odd];
            return $"The schedule {quoted} has U+{codePoint:X4} at index {odd}; cron is plain ASCII (the digits 0-9, *, names such as JAN and MON, and , - /), its fields separated by spaces or tabs.";
        }

        return expression[0] == '@' ? Macro(expression, quoted) : null;
    }

    // Cronos knows the macros' 5-field equivalents (@weekly is "0 0 * * 0"); "@every_second" has six.
    private static string Macro(string macro, string quoted)
    {
        const string Refused = $"is a cron macro; the API takes only standard 5-field cron ({Fields})";
        var equivalent = CronExpression.TryParse(macro, CronFormat.Standard, out var parsed) ? parsed.ToString() : null;
        return equivalent is null ? $"The schedule {quoted} {Refused}, so write it out as five fields."
            : equivalent.Count(c => c == ' ') != 4 ? $"The schedule {quoted} {Refused}. It fires every second, and 5-field cron has no seconds field, so it has no equivalent; the most frequent schedule the API takes is \"* * * * *\" (every minute)."
            : $"The schedule {quoted} {Refused}. Write \"{equivalent}\" instead.";
    }

    // A sixth field is either seconds in front (Quartz, Spring) or a year at the end (Quartz, AWS);
    // the advice depends on which it looks like, as removing the wrong one shifts every other field.
    private static string? Count(string[] fields, string quoted)
    {
        var takes = $"the API takes exactly 5 ({Fields})";
        return fields.Length switch
        {
            5 => null,
            1 => $"The schedule {quoted} has 1 field; {takes}, such as \"0 9 * * MON\".",
            6 => $"The schedule {quoted} has 6 fields; {takes}. {SixFields(fields)}",
            7 when fields[6] == "*" || Year().IsMatch(fields[6]) =>
                $"The schedule {quoted} has 7 fields; {takes}. This is Quartz cron's layout, with seconds first and a year last, and standard cron has neither: remove both, leaving {Leaving(fields[1..6])}.",
            var count => $"The schedule {quoted} has {count} fields; {takes}, such as \"0 9 * * MON\".",
        };
    }

    // Where the names and Quartz's '?' sit tells the layouts apart: month and day-of-week are fields
    // 4 and 5 when a year follows them, fields 5 and 6 when seconds come first.
    private static string SixFields(string[] fields)
    {
        bool Names(int month) => CronTokens.HasName(fields[month], CronTokens.MonthNames)
            || CronTokens.HasName(fields[month + 1], CronTokens.DayNames) || fields[month - 1] == "?" || fields[month + 1] == "?";
        var year = Year().IsMatch(fields[5]) || Names(month: 3);
        var seconds = Names(month: 4);
        var (withoutYear, withoutSeconds) = (Leaving(fields[..5]), Leaving(fields[1..]));
        return (year, seconds) switch
        {
            (true, false) => $"The last field looks like a year, and cron has no year field (a schedule repeats every year): remove it, leaving {withoutYear}.",
            (false, true) => $"Seconds are not supported: remove the first (seconds) field, leaving {withoutSeconds}.",
            _ => $"If the first field is seconds, remove it, leaving {withoutSeconds}: seconds are not supported. If the last field is a year, remove that instead, leaving {withoutYear}: cron has no year field.",
        };
    }

    private static string Leaving(string[] fields) => ValueText.Quote(string.Join(' ', fields));

    // A year, a range of years, a step over them, or a list of those: "2026", "2026-2030", "2026,2028".
    [GeneratedRegex(@"\A\d{4}(-\d{4})?(/\d+)?(,\d{4}(-\d{4})?(/\d+)?)*\z")]
    private static partial Regex Year();
}
