using HeloData.Reports.Testing.State;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>The window of a scheduled run, and the previous occurrence it starts at, for schedules far apart.</summary>
public sealed class ScheduledWindowTests
{
    [TestCase("0 0 29 2 *", "2104-02-29T00:00:00Z", "2096-02-29T00:00:00Z", Description = "2100 is no leap year: an 8-year gap")]
    [TestCase("* * * * *", "2026-06-01T00:00:00Z", "2026-05-31T23:59:00Z")]
    [TestCase("0 9 * * MON", "2026-06-08T09:00:00Z", "2026-06-01T09:00:00Z")]
    [TestCase("0 0 13 * FRI", "2026-06-05T00:00:00Z", "2026-05-29T00:00:00Z", Description = "standard cron's OR of the day fields")]
    [TestCase("0 0 1 JAN *", "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    public void The_previous_occurrence_is_found_however_far_back(string cron, string at, string previous)
    {
        var found = SandboxSchedule.Previous(cron, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(found, Is.EqualTo(DateTimeOffset.Parse(previous, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_window_longer_than_a_run_may_be_keeps_its_end()
    {
        var (from, to) = SandboxSchedule.Window(new DateTimeOffset(2096, 2, 29, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2104, 2, 29, 0, 0, 0, TimeSpan.Zero));

        Assert.That(to, Is.EqualTo(new DateOnly(2104, 2, 28)));
        Assert.That(to.DayNumber - from.DayNumber + 1, Is.EqualTo(366));
    }

    [Test]
    public void A_yearly_window_is_the_whole_year_before()
    {
        var (from, to) = SandboxSchedule.Window(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.That((from, to), Is.EqualTo((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))));
    }
}
