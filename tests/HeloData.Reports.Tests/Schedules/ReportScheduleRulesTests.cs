
namespace HeloData.Reports.Tests.Schedules;

/// <summary>
/// What <see cref="ReportSchedule"/> refuses, as the contract rules it out: Quartz's extensions,
/// seconds and year fields, and a schedule that never fires; and what standard cron it still accepts.
/// </summary>
public sealed class ReportScheduleRulesTests
{
    private static readonly DateTimeOffset May1 = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase("0 9 * * MON")]
    [TestCase("0 0 1 JUL *", Description = "JUL holds an L, and is still a month name")]
    [TestCase("0 0 * * WED", Description = "WED holds a W, and is still a day name")]
    [TestCase("0 0 1 jul *")]
    [TestCase("0 0 * * wed")]
    [TestCase("0 0 29 2 *", Description = "fires in leap years")]
    [TestCase("0 0 30 2 MON", Description = "standard cron ORs the two day fields: every Monday in February")]
    [TestCase("*/15 * * * *")]
    [TestCase("0 9 * * 1-5")]
    [TestCase("0 0 1,15 * *")]
    [TestCase("*/15 8-18 * JAN-MAR MON-FRI")]
    [TestCase("0 0 31 1-12/2 *")]
    [TestCase("0 0 30-31 2,4 *", Description = "the 30th of April exists")]
    [TestCase("0\t9 * * MON")]
    public void Standard_cron_is_accepted(string expression)
    {
        Assert.That(ReportSchedule.TryParse(expression, out var schedule, out var error), Is.True, error);
        Assert.That(schedule!.Expression, Is.EqualTo(expression));
    }

    [TestCase("0 0 29 2 *", "2028-02-29")]
    [TestCase("0 0 30 2 MON", "2027-02-01")]
    public void Rare_schedules_fire_on_the_dates_that_exist(string expression, string next)
    {
        Assert.That(ReportSchedule.Parse(expression).GetNextOccurrence(May1)?.ToString("yyyy-MM-dd"), Is.EqualTo(next));
    }

    [TestCase("0 0 L * *", "\"L\" in the day-of-month field", "L (the last day of the month)")]
    [TestCase("0 0 l * *", "\"l\" in the day-of-month field", "L (the last day of the month)")]
    [TestCase("0 0 L-2 * *", "\"L\" in the day-of-month field", "L (the last day of the month)")]
    [TestCase("0 0 15W * *", "\"15W\" in the day-of-month field", "W (the weekday nearest a given day of the month)")]
    [TestCase("0 0 LW * *", "\"LW\" in the day-of-month field", "LW (the last weekday of the month)")]
    [TestCase("0 0 * * 5#3", "\"5#3\" in the day-of-week field", "# (the nth given weekday of the month, as in 5#3)")]
    [TestCase("0 0 * * FRI#3", "\"FRI#3\" in the day-of-week field", "# (the nth given weekday of the month, as in 5#3)")]
    [TestCase("0 0 * * WEDL", "\"WEDL\" in the day-of-week field", "L (the last given weekday of the month, as in 5L)")]
    [TestCase("0 0 * * 5L", "\"5L\" in the day-of-week field", "L (the last given weekday of the month, as in 5L)")]
    [TestCase("0 0 ? * MON", "\"?\" in the day-of-month field", "? (no specific value)")]
    [TestCase("0 0 1 * ?", "\"?\" in the day-of-week field", "? (no specific value)")]
    public void Quartz_extensions_are_refused_naming_the_token_and_its_meaning(string expression, string token, string meaning)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.StartWith($"The schedule \"{expression}\" uses {token}. {meaning} is a Quartz cron extension; standard 5-field cron does not have it"));
    }

    [Test]
    public void A_question_mark_is_refused_with_star_as_the_standard_spelling()
    {
        Assert.That(() => ReportSchedule.Parse("0 0 ? * MON"), Throws.TypeOf<FormatException>().With.Message.EndsWith(": write * instead."));
    }

    [TestCase("0 0 * * JUL", "the month name \"JUL\" in the day-of-week field; month names belong in the month (4th) field")]
    [TestCase("0 0 * WED *", "the day name \"WED\" in the month field; day names belong in the day-of-week (5th) field")]
    [TestCase("0 MON * * *", "the day name \"MON\" in the hour field; day names belong in the day-of-week (5th) field")]
    [TestCase("0 9 * * MONDAY", "\"MONDAY\" in the day-of-week field, which is not a number, * or a day name (SUN to SAT)")]
    [TestCase("0 9 * JULY *", "\"JULY\" in the month field, which is not a number, * or a month name (JAN to DEC)")]
    [TestCase("x 9 * * *", "\"x\" in the minute field, which is not a number or *")]
    [TestCase("0 9 * * Hi", "\"Hi\" in the day-of-week field, which is not a number, * or a day name (SUN to SAT)")]
    public void Names_count_only_in_their_own_field(string expression, string message)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.EqualTo($"The schedule \"{expression}\" has {message}."));
    }

    [TestCase("0 0 30 2 *", "day 30 never occurs in February")]
    [TestCase("0 0 31 4 *", "day 31 never occurs in April")]
    [TestCase("0 0 31 2,4,6 *", "day 31 never occurs in February, April or June")]
    [TestCase("0 0 30,31 FEB *", "days 30 and 31 never occur in February")]
    [TestCase("0 0 31 4-6/2 *", "day 31 never occurs in April or June")]
    [TestCase("0 0 30 2 */2", "day 30 never occurs in February", Description = "a day-of-week starting with * does not OR")]
    public void A_schedule_that_never_fires_is_refused_saying_why(string expression, string reason)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.EqualTo($"The schedule \"{expression}\" never fires: {reason}."));
    }

    [Test]
    public void Occurrences_run_out_only_at_the_end_of_the_calendar()
    {
        var newYear = ReportSchedule.Parse("0 0 1 1 *");

        Assert.That(newYear.GetNextOccurrences(new DateTimeOffset(9998, 6, 1, 0, 0, 0, TimeSpan.Zero), 5), Is.EqualTo(new[]
        {
            new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }));
        Assert.That(newYear.GetNextOccurrence(new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero)), Is.Null);
    }

    [TestCase("0 9 * * MON 2026", "The last field looks like a year, and cron has no year field (a schedule repeats every year): remove it, leaving \"0 9 * * MON\".")]
    [TestCase("0 9 * * * 2026-2030", "The last field looks like a year, and cron has no year field (a schedule repeats every year): remove it, leaving \"0 9 * * *\".")]
    [TestCase("0 9 1 JAN * *", "The last field looks like a year, and cron has no year field (a schedule repeats every year): remove it, leaving \"0 9 1 JAN *\".")]
    [TestCase("0 0 9 * * MON", "Seconds are not supported: remove the first (seconds) field, leaving \"0 9 * * MON\".")]
    [TestCase("0 0 12 ? * *", "Seconds are not supported: remove the first (seconds) field, leaving \"0 12 ? * *\".")]
    [TestCase("0 0 9 * JAN *", "Seconds are not supported: remove the first (seconds) field, leaving \"0 9 * JAN *\".")]
    [TestCase("0 0 9 * * *", "If the first field is seconds, remove it, leaving \"0 9 * * *\": seconds are not supported. If the last field is a year, remove that instead, leaving \"0 0 9 * *\": cron has no year field.")]
    public void Six_fields_are_refused_with_advice_for_the_field_that_looks_extra(string expression, string advice)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.EqualTo($"The schedule \"{expression}\" has 6 fields; the API takes exactly 5 (minute hour day-of-month month day-of-week). {advice}"));
    }

    [TestCase("0 0 9 * * MON 2026", "\"0 9 * * MON\"")]
    [TestCase("0 0 9 ? * MON *", "\"0 9 ? * MON\"")]
    public void Seven_fields_are_refused_as_quartz_seconds_and_year(string expression, string leaving)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.EqualTo($"The schedule \"{expression}\" has 7 fields; the API takes exactly 5 (minute hour day-of-month month day-of-week). This is Quartz cron's layout, with seconds first and a year last, and standard cron has neither: remove both, leaving {leaving}."));
    }

    [TestCase("H 9 * * MON")]
    [TestCase("0 H(0-5) * * *")]
    public void A_hashed_H_is_refused(string expression)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.EqualTo($"The schedule \"{expression}\" uses 'H' (a hashed, jittered value), which standard 5-field cron does not have; write an explicit value instead."));
    }
}
