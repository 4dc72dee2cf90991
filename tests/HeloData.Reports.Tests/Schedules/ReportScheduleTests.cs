
namespace HeloData.Reports.Tests.Schedules;

/// <summary>
/// <see cref="ReportSchedule"/>: the API's "standard 5-field cron in UTC", checked before a report
/// is saved, and its next runs shown to a user.
/// </summary>
public sealed class ReportScheduleTests
{
    private static readonly DateTimeOffset May1At0900Utc = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static TimeZoneInfo Berlin => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Test]
    public void The_published_example_runs_every_Monday_at_0900_utc()
    {
        var schedule = ReportSchedule.Parse("0 9 * * MON");

        Assert.That(schedule.GetNextOccurrences(May1At0900Utc, 3), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 5, 18, 9, 0, 0, TimeSpan.Zero),
        }));
        Assert.That(schedule.GetNextOccurrences(May1At0900Utc, 3).Select(o => o.Offset), Is.All.EqualTo(TimeSpan.Zero));
        Assert.That(schedule.GetNextOccurrence(May1At0900Utc), Is.EqualTo(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Occurrences_are_the_same_instants_shown_in_the_users_time_zone()
    {
        var inBerlin = ReportSchedule.Parse("0 9 * * MON").GetNextOccurrences(May1At0900Utc, 3, Berlin);

        Assert.That(inBerlin.Select(o => o.ToString("yyyy-MM-ddTHH:mmzzz")), Is.EqualTo(new[]
        {
            "2026-05-04T11:00+02:00", "2026-05-11T11:00+02:00", "2026-05-18T11:00+02:00",
        }));
    }

    [Test]
    public void The_schedule_stays_in_utc_across_a_daylight_saving_change()
    {
        // Berlin moves to summer time on 2026-03-29 at 01:00 UTC: the report still runs at 09:00 UTC,
        // which the user sees move from 10:00 to 11:00.
        var after = new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero);
        var schedule = ReportSchedule.Parse("0 9 * * *");

        Assert.That(schedule.GetNextOccurrences(after, 3).Select(o => o.ToString("MM-dd HH:mmzzz")), Is.EqualTo(new[]
        {
            "03-27 09:00+00:00", "03-28 09:00+00:00", "03-29 09:00+00:00",
        }));
        Assert.That(schedule.GetNextOccurrences(after, 3, Berlin).Select(o => o.ToString("MM-dd HH:mmzzz")), Is.EqualTo(new[]
        {
            "03-27 10:00+01:00", "03-28 10:00+01:00", "03-29 11:00+02:00",
        }));
    }

    [Test]
    public void The_start_instant_counts_by_its_instant_not_its_offset_and_is_excluded()
    {
        var sameInstantInBerlin = new DateTimeOffset(2026, 5, 4, 11, 0, 0, TimeSpan.FromHours(2));

        Assert.That(
            ReportSchedule.Parse("0 9 * * MON").GetNextOccurrence(sameInstantInBerlin),
            Is.EqualTo(new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Day_of_month_and_day_of_week_both_restricted_fire_on_either_as_in_standard_cron()
    {
        // 2026-05-01 is a Friday: the next runs are Friday 8th, Wednesday 13th, Friday 15th.
        var occurrences = ReportSchedule.Parse("0 0 13 * FRI").GetNextOccurrences(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.That(occurrences.Select(o => o.Day), Is.EqualTo(new[] { 8, 13, 15 }));
    }

    [Test]
    public void A_seconds_field_is_rejected_with_the_reason()
    {
        Assert.That(() => ReportSchedule.Parse("0 0 9 * * MON"), Throws.TypeOf<FormatException>()
            .With.Message.Contains("\"0 0 9 * * MON\"").And.Message.Contains("exactly 5").And.Message.Contains("Seconds are not supported")
            .And.Message.Contains("leaving \"0 9 * * MON\""));
    }

    [TestCase("@weekly", "\"0 0 * * 0\"")]
    [TestCase("@WEEKLY", "\"0 0 * * 0\"")]
    [TestCase("@daily", "\"0 0 * * *\"")]
    [TestCase("@midnight", "\"0 0 * * *\"")]
    [TestCase("@hourly", "\"0 * * * *\"")]
    [TestCase("@monthly", "\"0 0 1 * *\"")]
    [TestCase("@yearly", "\"0 0 1 1 *\"")]
    [TestCase("@annually", "\"0 0 1 1 *\"")]
    [TestCase("@every_minute", "\"* * * * *\"")]
    [TestCase("@every_second", "no equivalent")]
    [TestCase("@reboot", "write it out as five fields")]
    public void Macros_are_rejected_with_their_5_field_equivalent(string macro, string suggestion)
    {
        Assert.That(() => ReportSchedule.Parse(macro), Throws.TypeOf<FormatException>()
            .With.Message.Contains($"\"{macro}\" is a cron macro").And.Message.Contains(suggestion));
    }

    [TestCase("0 25 * * *", "\"0 25 * * *\" is not valid cron: Hours")]
    [TestCase("60 * * * *", "\"60 * * * *\" is not valid cron: Minutes")]
    [TestCase("hello", "\"hello\" has 1 field; the API takes exactly 5")]
    [TestCase("0 9 * *", "\"0 9 * *\" has 4 fields")]
    [TestCase("0 0 1 1 * 2026 x", "has 7 fields")]
    [TestCase("", "\"\" is empty")]
    [TestCase("   ", "\"   \" is blank")]
    [TestCase("\t", "\"\\u0009\" is blank")]
    [TestCase(" 0 9 * * MON", "leading or trailing white space; write \"0 9 * * MON\" instead")]
    [TestCase("0 9 * * MON\n", "\"0 9 * * MON\\u000a\" has leading or trailing white space")]
    [TestCase("H 9 * * MON", "\"H 9 * * MON\" uses 'H'")]
    [TestCase("0 0 L * *", "\"0 0 L * *\" uses \"L\"")]
    [TestCase("0 0 30 2 *", "\"0 0 30 2 *\" never fires")]
    public void Invalid_expressions_are_rejected_with_the_expression_quoted(string expression, string message)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>().With.Message.Contains(message));
    }

    [TestCase("0 25 * * *")]
    [TestCase("0 0 15W * *")]
    [TestCase("0 0 31 4 *")]
    [TestCase("@weekly")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_returns_false_and_the_reason_without_throwing(string? expression)
    {
        ReportSchedule? schedule = null;
        string? error = null;
        var parsed = true;

        Assert.That(() => parsed = ReportSchedule.TryParse(expression, out schedule, out error), Throws.Nothing);
        Assert.That(parsed, Is.False);
        Assert.That(schedule, Is.Null);
        Assert.That(error, Does.StartWith("The schedule"));
        Assert.That(ReportSchedule.TryParse(expression, out _), Is.False);
    }

    [Test]
    public void TryParse_returns_the_schedule_and_no_error_when_valid()
    {
        Assert.That(ReportSchedule.TryParse("*/15 8-18 * JAN-MAR MON-FRI", out var schedule, out var error), Is.True);
        Assert.That(schedule!.Expression, Is.EqualTo("*/15 8-18 * JAN-MAR MON-FRI"));
        Assert.That(error, Is.Null);
    }

    [Test]
    public void Parse_rejects_null_by_name()
    {
        Assert.That(() => ReportSchedule.Parse(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("expression"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    public void Count_must_be_between_1_and_1000(int count)
    {
        var schedule = ReportSchedule.Parse("* * * * *");

        Assert.That(() => schedule.GetNextOccurrences(May1At0900Utc, count), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("count"));
        Assert.That(() => schedule.GetNextOccurrences(May1At0900Utc, count, Berlin), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("count"));
    }

    [TestCase(1)]
    [TestCase(1000)]
    public void Count_bounds_are_inclusive(int count)
    {
        Assert.That(ReportSchedule.Parse("* * * * *").GetNextOccurrences(May1At0900Utc, count), Has.Count.EqualTo(count));
    }

    [Test]
    public void A_null_time_zone_is_rejected_by_name()
    {
        Assert.That(() => ReportSchedule.Parse("0 9 * * MON").GetNextOccurrences(May1At0900Utc, 1, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("timeZone"));
    }

}
