using System.Diagnostics.CodeAnalysis;
using Cronos;
using HeloData.Reports.Validation;

namespace HeloData.Reports.Schedules;

/// <summary>
/// The rules a schedule must pass before it is sent: the API's own promise (exactly five fields,
/// no macros, no seconds) first, then Cronos as the judge of each field.
/// </summary>
internal static class CronParser
{
    private const int FieldCount = 5;
    private const string Fields = "minute hour day-of-month month day-of-week";

    // Cronos starts every message with this; ours says it better, with the expression quoted.
    private const string CronosPrefix = "The given cron expression has an invalid format. ";

    /// <summary>Parses <paramref name="expression"/>, or explains why it cannot be sent.</summary>
    /// <param name="expression">The cron expression, exactly as it would be sent.</param>
    /// <param name="timetable">The parsed expression, when valid.</param>
    /// <param name="error">Why the expression is refused, quoting it, when invalid.</param>
    /// <returns><see langword="true"/> when the expression is valid.</returns>
    internal static bool TryParse(
        string expression,
        [NotNullWhen(true)] out CronTimetable? timetable,
        [NotNullWhen(false)] out string? error)
    {
        timetable = null;
        error = Check(expression);
        if (error is not null)
        {
            return false;
        }

        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var quoted = ValueText.Quote(expression);
        try
        {
            var parsed = CronExpression.Parse(expression, CronFormat.Standard);
            timetable = CronTimetable.Create(fields, parsed);
            return true;
        }
        catch (CronFormatException ex)
        {
            var reason = ex.Message.StartsWith(CronosPrefix, StringComparison.Ordinal)
                ? ex.Message[CronosPrefix.Length..]
                : ex.Message;
            error = $"The schedule {quoted} is not valid cron: {reason}";
            return false;
        }
        catch (MissingSeedException)
        {
            // 'H' is Cronos's hashed "jitter" value: it needs a seed, and the API's standard cron has no such thing.
            error = $"The schedule {quoted} uses 'H' (a hashed, jittered value), which standard 5-field cron does not have; write an explicit value instead.";
            return false;
        }
    }

    // The rules Cronos would not enforce (it accepts macros, and a 6th field when asked) or would
    // explain less clearly ("Minutes: Value must be a number" for "hello").
    private static string? Check(string expression)
    {
        var quoted = ValueText.Quote(expression);
        if (expression.Length == 0)
        {
            return $"The schedule {quoted} is empty; the API takes a standard 5-field cron expression ({Fields}), such as \"0 9 * * MON\". To run on demand only, leave the schedule out (null).";
        }

        if (string.IsNullOrWhiteSpace(expression))
        {
            return $"The schedule {quoted} is blank; the API takes a standard 5-field cron expression ({Fields}), such as \"0 9 * * MON\". To run on demand only, leave the schedule out (null).";
        }

        // Rejected rather than trimmed: the schedule is sent exactly as given, so what is checked
        // here must be what the service receives.
        if (char.IsWhiteSpace(expression[0]) || char.IsWhiteSpace(expression[^1]))
        {
            return $"The schedule {quoted} has leading or trailing white space; write {ValueText.Quote(expression.Trim())} instead.";
        }

        if (expression[0] == '@')
        {
            return CronMacros.Explain(expression, quoted);
        }

        var count = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return count switch
        {
            FieldCount => null,
            FieldCount + 1 => $"The schedule {quoted} has 6 fields; the API takes exactly 5 ({Fields}). Seconds are not supported: remove the first (seconds) field.",
            1 => $"The schedule {quoted} has 1 field; the API takes exactly 5 ({Fields}), such as \"0 9 * * MON\".",
            _ => $"The schedule {quoted} has {count} fields; the API takes exactly 5 ({Fields}), such as \"0 9 * * MON\".",
        };
    }
}
