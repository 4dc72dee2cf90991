namespace HeloData.Reports;

/// <summary>
/// The <c>@</c> macros Cronos accepts, with their standard 5-field equivalents. The API promises
/// only standard 5-field cron, so a macro is refused and this table supplies the suggestion.
/// </summary>
internal static class CronMacros
{
    // Case-insensitive because Cronos is: "@WEEKLY" parses there just like "@weekly".
    private static readonly Dictionary<string, string?> Equivalents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@every_second"] = null,
        ["@every_minute"] = "* * * * *",
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
    };

    /// <summary>Explains why a macro is refused, and what to write instead.</summary>
    /// <param name="macro">An expression that starts with <c>@</c>.</param>
    /// <param name="quoted">The expression, quoted for a message.</param>
    internal static string Explain(string macro, string quoted)
    {
        const string Refused = "is a cron macro; the API takes only standard 5-field cron (minute hour day-of-month month day-of-week)";
        if (!Equivalents.TryGetValue(macro, out var equivalent))
        {
            return $"The schedule {quoted} {Refused}, so write it out as five fields.";
        }

        return equivalent is null
            ? $"The schedule {quoted} {Refused}. It fires every second, and 5-field cron has no seconds field, so it has no equivalent; the most frequent schedule the API takes is \"* * * * *\" (every minute)."
            : $"The schedule {quoted} {Refused}. Write \"{equivalent}\" instead.";
    }
}
