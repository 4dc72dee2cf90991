using System.Diagnostics.CodeAnalysis;

namespace HeloData.Reports;

/// <summary>
/// A report's schedule: a standard 5-field cron expression (minute hour day-of-month month
/// day-of-week), always in UTC, as the Reports API takes it. Parse one to check it, and to show a
/// user when the report will run, before saving it.
/// </summary>
/// <remarks>
/// <para>
/// The rules are those of the published API ("standard 5-field cron in UTC"): exactly five fields
/// separated by spaces or tabs, made of numbers, <c>*</c>, ranges (<c>1-5</c>), lists (<c>1,15</c>)
/// and steps (<c>*/15</c>), with month names (<c>JAN</c>) in the month field and day names
/// (<c>MON</c>) in the day-of-week field, in any case. Refused, with a message saying why: a seconds
/// or a year field; <c>@</c> macros such as <c>@weekly</c> (the message names the 5-field
/// equivalent); Quartz's <c>L</c>, <c>W</c>, <c>#</c> and <c>?</c>, and the hashed <c>H</c>; a
/// character outside plain ASCII (a no-break space, an Arabic-Indic digit), named by its code
/// point; and a schedule that never fires, such as <c>0 0 30 2 *</c>. Leading or trailing white
/// space is rejected, not trimmed, because a schedule is sent exactly as written and what is
/// checked must be what the service receives.
/// </para>
/// <para>
/// As in standard cron, when both day-of-month and day-of-week are restricted (neither starts with
/// <c>*</c>), a day matching either one fires: <c>0 0 13 * FRI</c> fires on every 13th and on
/// every Friday. These occurrences are computed on this machine; the service is the final judge,
/// and a report's <c>NextRunAt</c> is what it decided.
/// </para>
/// </remarks>
/// <example>
/// Check a schedule a user typed, and show the next three runs in their time zone:
/// <code>
/// if (!ReportSchedule.TryParse(input, out var schedule, out var error))
/// {
///     Console.WriteLine(error); // e.g. The schedule "@weekly" is a cron macro; ... Write "0 0 * * 0" instead.
///     return;
/// }
///
/// var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
/// foreach (var run in schedule.GetNextOccurrences(DateTimeOffset.UtcNow, 3, berlin))
/// {
///     Console.WriteLine(run); // e.g. 2026-05-04 11:00:00 +02:00 for "0 9 * * MON"
/// }
///
/// var report = new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule.Expression };
/// </code>
/// </example>
public sealed class ReportSchedule
{
    /// <summary>The most occurrences one call computes, so a typo in <c>count</c> cannot stall a UI.</summary>
    internal const int MaxOccurrences = 1000;

    private readonly CronTimetable _timetable;

    private ReportSchedule(string expression, CronTimetable timetable)
    {
        Expression = expression;
        _timetable = timetable;
    }

    /// <summary>The cron expression, exactly as parsed and as it is sent to the API.</summary>
    public string Expression { get; }

    /// <summary>Parses a standard 5-field cron expression.</summary>
    /// <param name="expression">The expression, such as <c>0 9 * * MON</c>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expression"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// <paramref name="expression"/> is not a standard 5-field cron expression, or never fires; the
    /// message quotes it and says what is wrong.
    /// </exception>
    public static ReportSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);
    }

    /// <summary>Parses a standard 5-field cron expression, without throwing.</summary>
    /// <param name="expression">The expression, such as <c>0 9 * * MON</c>.</param>
    /// <param name="schedule">The schedule, or <see langword="null"/> when the expression is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="expression"/> is valid.</returns>
    public static bool TryParse(string? expression, [NotNullWhen(true)] out ReportSchedule? schedule) =>
        TryParse(expression, out schedule, out _);

    /// <summary>Parses a standard 5-field cron expression, without throwing, and says why it failed.</summary>
    /// <param name="expression">The expression, such as <c>0 9 * * MON</c>.</param>
    /// <param name="schedule">The schedule, or <see langword="null"/> when the expression is invalid.</param>
    /// <param name="error">
    /// Why the expression is invalid, quoting it (the message <see cref="Parse"/> would throw), or
    /// <see langword="null"/> when it is valid.
    /// </param>
    /// <returns><see langword="true"/> when <paramref name="expression"/> is valid.</returns>
    public static bool TryParse(
        string? expression,
        [NotNullWhen(true)] out ReportSchedule? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (expression is null)
        {
            error = "The schedule is null; the API takes a standard 5-field cron expression, such as \"0 9 * * MON\".";
            return false;
        }

        if (!CronParser.TryParse(expression, out var timetable, out error))
        {
            return false;
        }

        schedule = new ReportSchedule(expression, timetable);
        return true;
    }

    /// <summary>The first time the schedule fires strictly after <paramref name="after"/>.</summary>
    /// <param name="after">The instant to start from, in any offset.</param>
    /// <returns>The occurrence in UTC (offset zero), or <see langword="null"/> when none is left before the end of the calendar (year 9999).</returns>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) => _timetable.GetNextOccurrence(after);

    /// <summary>The next times the schedule fires strictly after <paramref name="after"/>, in UTC.</summary>
    /// <param name="after">The instant to start from, in any offset.</param>
    /// <param name="count">How many occurrences to compute: 1 to 1000.</param>
    /// <returns>
    /// The occurrences in ascending order, each in UTC (offset zero). Fewer than
    /// <paramref name="count"/> only at the end of the calendar (year 9999): a schedule that never
    /// fires is refused when parsed.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1 or more than 1000.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextOccurrences(DateTimeOffset after, int count)
    {
        if (count is < 1 or > MaxOccurrences)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 1 and {MaxOccurrences}.");
        }

        var occurrences = new List<DateTimeOffset>(count);
        for (var next = _timetable.GetNextOccurrence(after); next is { } occurrence; next = _timetable.GetNextOccurrence(occurrence))
        {
            occurrences.Add(occurrence.ToUniversalTime());
            if (occurrences.Count == count)
            {
                break;
            }
        }

        return occurrences.AsReadOnly();
    }

    /// <summary>
    /// The next times the schedule fires strictly after <paramref name="after"/>, shown in
    /// <paramref name="timeZone"/>. The schedule itself stays in UTC; only the offsets change.
    /// </summary>
    /// <param name="after">The instant to start from, in any offset.</param>
    /// <param name="count">How many occurrences to compute: 1 to 1000.</param>
    /// <param name="timeZone">The zone to show each occurrence in, such as the user's.</param>
    /// <returns>The same instants as <see cref="GetNextOccurrences(DateTimeOffset, int)"/>, each with <paramref name="timeZone"/>'s offset at that instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1 or more than 1000.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextOccurrences(DateTimeOffset after, int count, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var utc = GetNextOccurrences(after, count);
        var local = new DateTimeOffset[utc.Count];
        for (var i = 0; i < local.Length; i++)
        {
            local[i] = TimeZoneInfo.ConvertTime(utc[i], timeZone);
        }

        return Array.AsReadOnly(local);
    }

    /// <summary>Returns <see cref="Expression"/>.</summary>
    /// <returns>The cron expression.</returns>
    public override string ToString() => Expression;
}
