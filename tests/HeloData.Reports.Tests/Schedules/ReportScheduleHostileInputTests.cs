
namespace HeloData.Reports.Tests.Schedules;

/// <summary>
/// What a careless paste or a hostile caller hands <see cref="ReportSchedule"/>: every one is
/// refused with a <see cref="FormatException"/> that quotes it on one bounded line and names the
/// problem, never an exception of another type and never an accepted schedule.
/// </summary>
public sealed class ReportScheduleHostileInputTests
{
    // The schedule quoted (at most 200 characters and a count) plus the longest explanation.
    private const int MaxMessageLength = 800;

    [TestCase("99999999999999999999 9 * * *", "Minutes: Value must be a number between 0 and 59")]
    [TestCase("0 4294967296 * * *", "Hours: Value must be a number between 0 and 23")]
    [TestCase("0 0 0 * *", "Days of month: Value must be a number between 1 and 31")]
    [TestCase("0 0 1-32 * *", "Days of month: Value must be a number between 1 and 31")]
    [TestCase("0 0 * 13 *", "Months: Value must be a number between 1 and 12")]
    [TestCase("0 0 * 0 *", "Months: Value must be a number between 1 and 12")]
    [TestCase("0 0 * * 8", "Days of week: Value must be a number between 0 and 7")]
    [TestCase("0 24 * * *", "Hours: Value must be a number between 0 and 23")]
    [TestCase("*/0 * * * *", "Minutes: Value must be a number between 1 and 59")]
    [TestCase("0 0 1-10/0 * *", "Days of month: Value must be a number between 1 and 31")]
    [TestCase("0 0 * * */8", "Days of week: Value must be a number between 1 and 7")]
    [TestCase("1,,2 * * * *", "Minutes: Value must be a number between 0 and 59")]
    [TestCase("-1 * * * *", "Minutes: Value must be a number between 0 and 59")]
    [TestCase("0 9 * * MON,", "Days of week: Value must be a number between 0 and 7")]
    [TestCase("*/ * * * *", "Minutes: Value must be a number between 1 and 59")]
    public void A_number_out_of_its_fields_range_is_refused_naming_the_field_and_the_range(string expression, string reason)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.StartsWith($"The schedule \"{expression}\" is not valid cron: {reason}"));
    }

    [TestCase("\u0663 9 * * *", "U+0663", 0, Description = "an Arabic-Indic digit three")]
    [TestCase("0 \uff19 * * *", "U+FF19", 2, Description = "a fullwidth digit nine")]
    [TestCase("0\u00a09 * * *", "U+00A0", 1, Description = "a no-break space between fields")]
    [TestCase("0 9\u2003* * MON", "U+2003", 3, Description = "an em space between fields")]
    [TestCase("0\n9 * * *", "U+000A", 1, Description = "a line break between fields, which Cronos would quote raw")]
    [TestCase("0 9 * * MON\0garbage", "U+0000", 11, Description = "a NUL, where Cronos would stop reading")]
    [TestCase("0\u200b 9 * * *", "U+200B", 1, Description = "a zero-width space")]
    [TestCase("0 9 * * MO\u0301N", "U+0301", 10, Description = "a combining accent")]
    [TestCase("0 9 * * \ud83d\udcc5", "U+1F4C5", 8, Description = "an emoji, one code point in two chars")]
    public void A_character_outside_plain_ascii_is_refused_by_its_code_point(string expression, string codePoint, int index)
    {
        Assert.That(ReportSchedule.TryParse(expression, out var schedule, out var error), Is.False);
        Assert.That(schedule, Is.Null);
        Assert.That(error, Does.StartWith("The schedule \"").And.Contains($"has {codePoint} at index {index};")
            .And.EndsWith("spaces or tabs."));
        Assert.That(error, Has.None.Matches<char>(char.IsControl), "the message stays on one line");
    }

    [Test]
    public void A_very_long_expression_is_refused_with_a_bounded_message()
    {
        var fields = string.Join(' ', Enumerable.Repeat("*", 50_000));
        var digits = new string('1', 1_000_000);

        Assert.Multiple(() =>
        {
            Assert.That(() => ReportSchedule.Parse(fields), Throws.TypeOf<FormatException>()
                .With.Message.Contains("has 50000 fields; the API takes exactly 5")
                .And.Message.Contains("(99999 characters)")
                .And.Message.Length.LessThan(MaxMessageLength));
            Assert.That(() => ReportSchedule.Parse(digits), Throws.TypeOf<FormatException>()
                .With.Message.Contains("has 1 field; the API takes exactly 5")
                .And.Message.Contains("(1000000 characters)")
                .And.Message.Length.LessThan(MaxMessageLength));
            Assert.That(() => ReportSchedule.Parse($"{digits} * * * *"), Throws.TypeOf<FormatException>()
                .With.Message.Contains("is not valid cron: Minutes: Value must be a number between 0 and 59")
                .And.Message.Length.LessThan(MaxMessageLength));
        });
    }

    [TestCase("HHH 9 * * *")]
    [TestCase("0 9 * * Hxx")]
    [TestCase("0 9 * Hxx *")]
    [TestCase("0 0 * * MON#1#2")]
    [TestCase("0 0 LL * *")]
    [TestCase("0 0 ** * *")]
    [TestCase("@")]
    [TestCase("@daily\0")]
    [TestCase("@every_second extra")]
    public void Odd_spellings_are_refused_with_a_format_exception(string expression)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.StartsWith("The schedule \"").And.Message.Length.LessThan(MaxMessageLength));
    }

    [TestCase("0 0 29 2 *", "2000-02-29", Description = "every four years")]
    [TestCase("0 0 29 2 1", "2000-02-07", Description = "standard cron's OR: the 29th or any Monday of February")]
    [TestCase("0 0 29 2 */4", "2004-02-29", Description = "a day-of-week starting with * is AND: a 29th of February on a Sunday or Thursday")]
    [TestCase("0 0 29 FEB SAT-SUN", "2000-02-05", Description = "OR again")]
    [TestCase("59 23 31 12 *", "2000-12-31")]
    [TestCase("0 0 31 */2 *", "2000-01-31", Description = "odd months have a 31st")]
    public void A_rare_schedule_is_accepted_and_fires_when_its_date_first_exists(string expression, string first)
    {
        var schedule = ReportSchedule.Parse(expression);

        Assert.That(schedule.GetNextOccurrence(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))?.ToString("yyyy-MM-dd"), Is.EqualTo(first));
    }

    [TestCase("0 0 31 2 */7", "day 31 never occurs in February", Description = "AND with Sundays cannot save a date that does not exist")]
    [TestCase("0 0 30-31 2 *", "days 30 and 31 never occur in February")]
    public void A_schedule_whose_dates_do_not_exist_is_refused(string expression, string reason)
    {
        Assert.That(() => ReportSchedule.Parse(expression), Throws.TypeOf<FormatException>()
            .With.Message.EqualTo($"The schedule \"{expression}\" never fires: {reason}."));
    }
}
