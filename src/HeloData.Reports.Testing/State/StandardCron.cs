using System.Text.RegularExpressions;
using Cronos;

namespace HeloData.Reports.Testing.State;

/// <summary>
/// The sandbox's reading of "standard 5-field cron in UTC": which schedules it takes, and its
/// <c>next_run_at</c>. Standard (POSIX) cron fires on a day matching the day-of-month field OR the
/// day-of-week field when both are restricted. Cronos requires both, so such a schedule is evaluated
/// as its two one-day-field halves and the earlier occurrence wins.
/// </summary>
/// <remarks>
/// Written here rather than borrowed from the SDK's <c>ReportSchedule</c>, so the sandbox checks the
/// client instead of agreeing with it by construction.
/// </remarks>
internal static partial class StandardCron
{
    // Cron has no year field, so a schedule with no fire time after this instant has none after any.
    private static readonly DateTime Reference = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

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

        // Cronos also takes Quartz's L, W, # and ?, and its own H; standard cron has only these.
        foreach (var field in Fields(schedule))
        {
            if (!StandardField().IsMatch(field))
            {
                return $"'{field}' is not standard cron: each field holds only numbers, '*', three-letter month or day names, ',', '-' and '/' (no Quartz L, W, # or ?, no H).";
            }
        }

        return null;
    }

    /// <summary>Whether a schedule Cronos accepts ever fires.</summary>
    public static bool EverFires(string schedule) => NextAfter(schedule, Reference) is not null;

    /// <summary>The first fire time strictly after <paramref name="after"/>; the schedule is already validated.</summary>
    public static DateTime? NextAfter(string schedule, DateTime after)
    {
        var fields = Fields(schedule);
        if (fields.Length != 5 || Unrestricted(fields[2]) || Unrestricted(fields[4]))
        {
            return Next(schedule, after);
        }

        var byDayOfMonth = Next($"{fields[0]} {fields[1]} {fields[2]} {fields[3]} *", after);
        var byDayOfWeek = Next($"{fields[0]} {fields[1]} * {fields[3]} {fields[4]}", after);
        return byDayOfMonth is null || byDayOfWeek is null
            ? byDayOfMonth ?? byDayOfWeek
            : byDayOfMonth < byDayOfWeek ? byDayOfMonth : byDayOfWeek;
    }

    // Cronos separates fields by any white space, tabs included.
    private static string[] Fields(string schedule) => schedule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static DateTime? Next(string expression, DateTime after) =>
        CronExpression.Parse(expression, CronFormat.Standard).GetNextOccurrence(after);

    // Vixie cron's rule: a day field starting with '*' is unrestricted ("*/2" included).
    private static bool Unrestricted(string field) => field[0] == '*';

    [GeneratedRegex(@"\A(\*|[0-9]+|[A-Za-z]{3})([,/-](\*|[0-9]+|[A-Za-z]{3}))*\z")]
    private static partial Regex StandardField();
}
