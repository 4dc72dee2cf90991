using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace HeloData.Reports;

/// <summary>
/// The rules a schedule must pass before it is sent: the API's own promise (exactly five fields of
/// standard cron, no macros) first, then Cronos as the judge of each field's values and ranges, and
/// last, that the schedule fires at all.
/// </summary>
internal static class CronParser
{
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
        var quoted = ValueText.Quote(expression);
        error = Check(expression, quoted);
        if (error is not null)
        {
            return false;
        }

        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        error = CronFieldCount.Explain(fields, quoted) ?? CronTokens.Check(fields, quoted);
        if (error is not null)
        {
            return false;
        }

        CronTimetable parsed;
        try
        {
            parsed = CronTimetable.Create(fields, CronExpression.Parse(expression, CronFormat.Standard));
        }
        catch (CronFormatException ex)
        {
            var reason = ex.Message.StartsWith(CronosPrefix, StringComparison.Ordinal)
                ? ex.Message[CronosPrefix.Length..]
                : ex.Message;
            error = $"The schedule {quoted} is not valid cron: {reason}";
            return false;
        }

        error = CronNeverFires.Check(fields, parsed, quoted);
        timetable = error is null ? parsed : null;
        return error is null;
    }

    // What Cronos would explain less clearly than the user deserves, or accept: an empty or blank
    // expression, white space around it, and its @ macros.
    private static string? Check(string expression, string quoted)
    {
        const string Takes = $"the API takes a standard 5-field cron expression ({CronFieldCount.Fields}), such as \"0 9 * * MON\". To run on demand only, leave the schedule out (null).";
        if (expression.Length == 0)
        {
            return $"The schedule {quoted} is empty; {Takes}";
        }

        if (string.IsNullOrWhiteSpace(expression))
        {
            return $"The schedule {quoted} is blank; {Takes}";
        }

        // Rejected rather than trimmed: the schedule is sent exactly as given, so what is checked
        // here must be what the service receives.
        if (char.IsWhiteSpace(expression[0]) || char.IsWhiteSpace(expression[^1]))
        {
            return $"The schedule {quoted} has leading or trailing white space; write {ValueText.Quote(expression.Trim())} instead.";
        }

        return expression[0] == '@' ? CronMacros.Explain(expression, quoted) : null;
    }
}
