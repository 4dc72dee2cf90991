using Cronos;

namespace HeloData.Reports.Testing.State;

/// <summary>
/// The sandbox's <c>next_run_at</c>: the page promises "standard 5-field cron in UTC", and standard
/// (POSIX) cron fires on a day matching the day-of-month field OR the day-of-week field when both are
/// restricted. Cronos requires both, so such a schedule is evaluated as its two one-day-field halves
/// and the earlier occurrence wins.
/// </summary>
/// <remarks>
/// Written here rather than borrowed from the SDK's <c>ReportSchedule</c>, so the sandbox checks the
/// client instead of agreeing with it by construction.
/// </remarks>
internal static class StandardCron
{
    /// <summary>The first fire time strictly after <paramref name="after"/>; the schedule is already validated.</summary>
    public static DateTime? NextAfter(string schedule, DateTime after)
    {
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
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

    private static DateTime? Next(string expression, DateTime after) =>
        CronExpression.Parse(expression, CronFormat.Standard).GetNextOccurrence(after);

    // Vixie cron's rule: a day field starting with '*' is unrestricted ("*/2" included); Cronos reads '?' as '*'.
    private static bool Unrestricted(string field) => field[0] is '*' or '?';
}
