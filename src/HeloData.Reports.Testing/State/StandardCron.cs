using System.Text.RegularExpressions;

namespace HeloData.Reports.Testing.State;

/// <summary>
/// The sandbox's reading of what "standard 5-field cron" may be written with. Cronos takes more than
/// the contract promises, so this runs before it; Cronos then judges ranges and names, and the
/// SDK's <see cref="CronTimetable"/> (linked in) reads the calendar: the OR of the two day fields,
/// <c>next_run_at</c>, and whether the schedule ever fires.
/// </summary>
/// <remarks>
/// Written here rather than borrowed from the SDK's <c>ReportSchedule</c>, so the sandbox checks the
/// client's refusals instead of agreeing with them by construction.
/// </remarks>
internal static partial class StandardCron
{
    // One value: a number, *, or a real month or day name, in any case.
    private const string Value = @"(\*|[0-9]+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT)";

    /// <summary>
    /// Why the schedule is not standard cron, beyond what Cronos refuses (which judges ranges and
    /// names after this), or <see langword="null"/>.
    /// </summary>
    public static string? Problem(string schedule)
    {
        // Cronos takes "@daily" and its kin; the contract takes five fields only.
        if (schedule.StartsWith('@'))
        {
            return "a macro is not standard cron: write out its five fields.";
        }

        // Cronos also takes Quartz's L, W, # and ?, and its own H. Unseeded, an H makes it throw a
        // MissingSeedException, not a format error, so no word but a real name ("Hxx") may reach it.
        foreach (var field in schedule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!StandardField().IsMatch(field))
            {
                return $"'{field}' is not standard cron: each field holds only numbers, '*', three-letter month or day names, ',', '-' and '/' (no Quartz L, W, # or ?, no H).";
            }
        }

        return null;
    }

    [GeneratedRegex($@"\A{Value}([,/-]{Value})*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandardField();
}
