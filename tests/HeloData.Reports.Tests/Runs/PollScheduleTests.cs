
namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// <see cref="PollSchedule"/>: jitter spreads waits that started together even while every delay sits
/// at the minimum, and no delay is ever shorter than the minimum poll interval.
/// </summary>
public sealed class PollScheduleTests
{
    private static readonly WaitForCompletionOptions Defaults = new();

    [Test]
    public void Early_polls_at_the_minimum_are_spread_above_it_not_below()
    {
        var lowest = PollSchedule.NextDelay(TimeSpan.FromSeconds(2), null, Defaults, random: 0);
        var highest = PollSchedule.NextDelay(TimeSpan.FromSeconds(2), null, Defaults, random: 1);

        Assert.That(lowest, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(highest, Is.EqualTo(TimeSpan.FromSeconds(1.1)), "two waits started together no longer poll together");
    }

    [Test]
    public void Later_polls_are_shortened_by_jitter_but_never_past_the_minimum()
    {
        Assert.That(PollSchedule.NextDelay(TimeSpan.FromSeconds(100), null, Defaults, random: 0), Is.EqualTo(TimeSpan.FromSeconds(10)).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(PollSchedule.NextDelay(TimeSpan.FromSeconds(100), null, Defaults, random: 1), Is.EqualTo(TimeSpan.FromSeconds(9)).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(PollSchedule.NextDelay(TimeSpan.FromSeconds(10.5), null, Defaults, random: 1), Is.EqualTo(TimeSpan.FromSeconds(1)), "just above the minimum, jitter stops at it");
    }

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void The_maximum_interval_bounds_a_computed_delay(double random)
    {
        Assert.That(PollSchedule.NextDelay(TimeSpan.FromHours(5), null, Defaults, random), Is.InRange(TimeSpan.FromSeconds(54), TimeSpan.FromSeconds(60)));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_retry_after_below_the_minimum_waits_the_minimum(int seconds)
    {
        Assert.That(PollSchedule.NextDelay(TimeSpan.Zero, TimeSpan.FromSeconds(seconds), Defaults, random: 0.5), Is.EqualTo(Defaults.MinPollInterval));
    }

    [Test]
    public void A_retry_after_above_the_maximum_interval_is_honoured()
    {
        Assert.That(PollSchedule.NextDelay(TimeSpan.Zero, TimeSpan.FromMinutes(5), Defaults, random: 0.5), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }
}
