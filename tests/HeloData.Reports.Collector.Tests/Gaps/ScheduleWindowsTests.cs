using System.Globalization;
namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// The contract's windows of scheduled runs ("Scheduled runs"): from the date of the previous occurrence to the day
/// before this one's, several occurrences on one day sharing the previous day, all in UTC.
/// </summary>
public sealed class ScheduleWindowsTests
{
    [Test]
    public void A_weekly_run_covers_the_week_before_its_monday_as_the_contract_example_says()
    {
        var windows = Due("0 9 * * MON", At(2026, 6, 7), At(2026, 6, 8, 9));

        Assert.That(windows, Is.EqualTo(new[] { Window(2026, 6, 1, 2026, 6, 7, At(2026, 6, 8, 9)) }));
    }

    [Test]
    public void The_first_occurrence_of_a_range_takes_its_start_from_the_schedule_not_from_the_range()
    {
        // The range starts on Friday: the Monday run's window still begins on the previous Monday.
        var windows = Due("0 9 * * MON", At(2026, 6, 5, 12), At(2026, 6, 16));

        Assert.That(windows, Is.EqualTo(new[]
        {
            Window(2026, 6, 1, 2026, 6, 7, At(2026, 6, 8, 9)),
            Window(2026, 6, 8, 2026, 6, 14, At(2026, 6, 15, 9)),
        }));
    }

    [Test]
    public void A_daily_schedule_gives_one_window_of_the_previous_day_per_day()
    {
        var windows = Due("0 6 * * *", At(2026, 6, 1), At(2026, 6, 4, 6));

        Assert.That(windows, Is.EqualTo(new[]
        {
            Window(2026, 5, 31, 2026, 5, 31, At(2026, 6, 1, 6)),
            Window(2026, 6, 1, 2026, 6, 1, At(2026, 6, 2, 6)),
            Window(2026, 6, 2, 2026, 6, 2, At(2026, 6, 3, 6)),
            Window(2026, 6, 3, 2026, 6, 3, At(2026, 6, 4, 6)),
        }));
    }

    [Test]
    public void Every_hourly_occurrence_of_a_day_shares_the_previous_day_which_is_due_at_the_first()
    {
        var windows = Due("0 * * * *", At(2026, 6, 1, 5, 30), At(2026, 6, 3, 23));

        // 1 June's first occurrence (00:00) is before the range: its window was judged already.
        Assert.That(windows, Is.EqualTo(new[]
        {
            Window(2026, 6, 1, 2026, 6, 1, At(2026, 6, 2)),
            Window(2026, 6, 2, 2026, 6, 2, At(2026, 6, 3)),
        }));
    }

    [Test]
    public void A_second_occurrence_on_a_day_covers_the_previous_day_alone_when_the_first_covers_more()
    {
        var whole = Due("0 9,17 * * MON", At(2026, 6, 7), At(2026, 6, 9));
        var afterTheFirst = Due("0 9,17 * * MON", At(2026, 6, 8, 12), At(2026, 6, 9));

        Assert.Multiple(() =>
        {
            Assert.That(whole, Is.EqualTo(new[]
            {
                Window(2026, 6, 1, 2026, 6, 7, At(2026, 6, 8, 9)),
                Window(2026, 6, 7, 2026, 6, 7, At(2026, 6, 8, 17)),
            }));
            Assert.That(afterTheFirst, Is.EqualTo(new[] { Window(2026, 6, 7, 2026, 6, 7, At(2026, 6, 8, 17)) }));
            Assert.That(Due("0 9,17,20 * * *", At(2026, 6, 7), At(2026, 6, 9)), Has.Count.EqualTo(2), "a daily schedule's later occurrences repeat the first's window");
        });
    }

    [Test]
    public void From_a_start_that_was_not_judged_a_days_window_is_due_at_its_first_occurrence_in_the_range()
    {
        // A report created at 05:30: 1 June's occurrences from 06:00 on still cover 31 May (the service runs them).
        var created = Due("0 * * * *", At(2026, 6, 1, 5, 30), At(2026, 6, 2), afterJudged: false);
        var twice = Due("0 9,17,20 * * MON", At(2026, 6, 8, 12), At(2026, 6, 9), afterJudged: false);

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(new[]
            {
                Window(2026, 5, 31, 2026, 5, 31, At(2026, 6, 1, 6)),
                Window(2026, 6, 1, 2026, 6, 1, At(2026, 6, 2)),
            }));
            Assert.That(twice, Is.EqualTo(new[] { Window(2026, 6, 7, 2026, 6, 7, At(2026, 6, 8, 17)) }));
        });
    }

    [Test]
    public void A_range_starting_just_before_a_days_first_occurrence_includes_that_days_window()
    {
        var windows = Due("15 * * * *", At(2026, 6, 2, 0, 14), At(2026, 6, 2, 0, 15));

        Assert.That(windows, Is.EqualTo(new[] { Window(2026, 6, 1, 2026, 6, 1, At(2026, 6, 2, 0, 15)) }));
    }

    [Test]
    public void A_monthly_run_covers_the_previous_month_whatever_its_length()
    {
        var windows = Due("0 3 1 * *", At(2026, 1, 15), At(2026, 4, 1, 3));

        Assert.That(windows, Is.EqualTo(new[]
        {
            Window(2026, 1, 1, 2026, 1, 31, At(2026, 2, 1, 3)),
            Window(2026, 2, 1, 2026, 2, 28, At(2026, 3, 1, 3)),
            Window(2026, 3, 1, 2026, 3, 31, At(2026, 4, 1, 3)),
        }));
    }

    [Test]
    public void A_run_at_midnight_covers_the_day_that_just_ended()
    {
        var windows = Due("0 0 * * *", At(2026, 6, 1, 12), At(2026, 6, 3));

        Assert.That(windows, Is.EqualTo(new[]
        {
            Window(2026, 6, 1, 2026, 6, 1, At(2026, 6, 2)),
            Window(2026, 6, 2, 2026, 6, 2, At(2026, 6, 3)),
        }));
    }

    [Test]
    public void A_run_in_the_hour_a_local_clock_skips_or_repeats_is_still_one_run_a_day_in_utc()
    {
        // 02:30 does not exist in Europe on 29 March 2026 and twice in the US on 1 November; in UTC it is every day once.
        var spring = Due("30 2 * * *", At(2026, 3, 27), At(2026, 3, 31));
        var autumn = Due("30 2 * * *", At(2026, 10, 30), At(2026, 11, 3));

        Assert.Multiple(() =>
        {
            Assert.That(spring.Select(window => window.DueAt), Is.EqualTo(new[] { At(2026, 3, 27, 2, 30), At(2026, 3, 28, 2, 30), At(2026, 3, 29, 2, 30), At(2026, 3, 30, 2, 30) }));
            Assert.That(spring, Has.All.Matches<ScheduledWindow>(window => window.From == window.To && window.To.AddDays(1) == DateOnly.FromDateTime(window.DueAt.UtcDateTime)));
            Assert.That(autumn, Has.Count.EqualTo(4));
            Assert.That(autumn, Has.All.Matches<ScheduledWindow>(window => window.From == window.To && window.To.AddDays(1) == DateOnly.FromDateTime(window.DueAt.UtcDateTime)));
        });
    }

    [Test]
    public void The_two_day_fields_are_ored_as_standard_cron_reads_them()
    {
        // Every 13th and every Friday: Friday 12 June, Saturday 13 June, Friday 19 June.
        var windows = Due("0 0 13 * FRI", At(2026, 6, 11), At(2026, 6, 20));

        Assert.That(windows, Is.EqualTo(new[]
        {
            Window(2026, 6, 5, 2026, 6, 11, At(2026, 6, 12)),
            Window(2026, 6, 12, 2026, 6, 12, At(2026, 6, 13)),
            Window(2026, 6, 13, 2026, 6, 18, At(2026, 6, 19)),
        }));
    }

    [Test]
    public void A_leap_day_schedule_looks_back_to_the_previous_leap_year()
    {
        var windows = Due("0 0 29 2 *", At(2028, 1, 1), At(2028, 3, 1));

        Assert.That(windows, Is.EqualTo(new[] { Window(2024, 2, 29, 2028, 2, 28, At(2028, 2, 29)) }));
    }

    [Test]
    public void Nothing_is_due_in_an_empty_or_reversed_range()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Due("0 * * * *", At(2026, 6, 2), At(2026, 6, 2)), Is.Empty);
            Assert.That(Due("0 * * * *", At(2026, 6, 3), At(2026, 6, 2)), Is.Empty);
            Assert.That(Due("0 9 * * MON", At(2026, 6, 8, 9), At(2026, 6, 15, 8, 59)), Is.Empty);
        });
    }

    [TestCase("0 9 * * MON", "2026-06-01", "2026-06-07", "2026-06-08T09:00:00Z")]
    [TestCase("0 * * * *", "2026-06-07", "2026-06-07", "2026-06-08T00:00:00Z")]
    [TestCase("0 3 1 * *", "2026-02-01", "2026-02-28", "2026-03-01T03:00:00Z")]
    [TestCase("0 9,17 * * MON", "2026-06-01", "2026-06-07", "2026-06-08T09:00:00Z")]
    [TestCase("0 9,17 * * MON", "2026-06-07", "2026-06-07", "2026-06-08T17:00:00Z")]
    public void A_runs_window_is_matched_to_the_occurrence_it_belongs_to(string schedule, string from, string to, string dueAt)
    {
        var window = ScheduleWindows.Matching(CronTimetable.Parse(schedule), DateOnly.Parse(from), DateOnly.Parse(to));

        Assert.That(window, Is.EqualTo(new ScheduledWindow(DateOnly.Parse(from), DateOnly.Parse(to), DateTimeOffset.Parse(dueAt))));
    }

    [TestCase("0 9 * * MON", "2026-06-02", "2026-06-07", Description = "starts a day late")]
    [TestCase("0 9 * * MON", "2026-06-01", "2026-06-08", Description = "ends on the occurrence's day")]
    [TestCase("0 9 * * MON", "2026-05-25", "2026-06-07", Description = "two weeks")]
    [TestCase("0 9 * * MON", "2026-06-07", "2026-06-07", Description = "the day before, from a schedule firing once that day")]
    [TestCase("0 * * * *", "2026-06-06", "2026-06-07", Description = "two days of an hourly schedule")]
    [TestCase("0 * * * *", "2026-06-08", "2026-06-07", Description = "reversed")]
    public void A_window_no_occurrence_has_is_not_matched(string schedule, string from, string to)
    {
        Assert.That(ScheduleWindows.Matching(CronTimetable.Parse(schedule), DateOnly.Parse(from), DateOnly.Parse(to)), Is.Null);
    }

    private static List<ScheduledWindow> Due(string schedule, DateTimeOffset after, DateTimeOffset until, bool afterJudged = true) =>
        ScheduleWindows.Due(CronTimetable.Parse(schedule), after, until, afterJudged).ToList();

    private static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ScheduledWindow Window(int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay, DateTimeOffset dueAt) =>
        new(new DateOnly(fromYear, fromMonth, fromDay), new DateOnly(toYear, toMonth, toDay), dueAt);

    [TestCase("0 0 29 2 *", "2104-02-29T00:00:00Z", "2096-02-29", "2104-02-28", Description = "2100 is no leap year: the longest window, not cut short")]
    [TestCase("* * * * *", "2026-06-01T00:00:00Z", "2026-05-31", "2026-05-31")]
    [TestCase("* * * * *", "2026-06-01T00:01:00Z", "2026-05-31", "2026-05-31", Description = "a later occurrence of a day covers the previous day")]
    [TestCase("0 9 * * MON", "2026-06-08T09:00:00Z", "2026-06-01", "2026-06-07")]
    [TestCase("0 9,17 * * MON", "2026-06-08T17:00:00Z", "2026-06-07", "2026-06-07")]
    [TestCase("0 0 13 * FRI", "2026-06-05T00:00:00Z", "2026-05-29", "2026-06-04", Description = "standard cron's OR of the day fields")]
    [TestCase("0 0 1 JAN *", "2027-01-01T00:00:00Z", "2026-01-01", "2026-12-31", Description = "a yearly window is the whole year before")]
    public void The_window_of_an_occurrence_starts_at_the_previous_occurrences_date_and_is_one_the_collector_looks_for(string cron, string at, string from, string to)
    {
        var timetable = CronTimetable.Parse(cron);
        var occurrence = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);

        var window = ScheduleWindows.OfOccurrence(timetable, occurrence);

        Assert.That(window, Is.EqualTo((DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture))));
        Assert.That(window.To.DayNumber - window.From.DayNumber + 1, Is.LessThanOrEqualTo(ScheduleWindows.LongestWindowDays));
        Assert.That(ScheduleWindows.Matching(timetable, window.From, window.To), Is.Not.Null, "the collector matches a run with this window to the schedule");
    }
}
