using HeloData.Reports.Cli.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Cli.Tests.Context;

/// <summary><c>--time-scale</c>'s clock: N times faster than the one under it, from its now, timers included.</summary>
public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void One_inner_second_is_scale_seconds_from_the_inner_now()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 20_000);

        inner.Advance(TimeSpan.FromSeconds(4.32));

        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start + TimeSpan.FromDays(1)));
        Assert.That(clock.GetElapsedTime(0, clock.GetTimestamp()), Is.GreaterThan(TimeSpan.FromDays(1)), "timestamps run at the same speed");
    }

    [Test]
    public void A_timer_fires_after_its_due_time_divided_by_the_scale_and_so_does_a_changed_one()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(inner, 3600);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);

        inner.Advance(TimeSpan.FromSeconds(1.9));
        var early = fired.Count;
        inner.Advance(TimeSpan.FromSeconds(0.1));
        timer.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        inner.Advance(TimeSpan.FromSeconds(1));

        Assert.That(early, Is.Zero);
        Assert.That(fired, Is.EqualTo(new[] { Start + TimeSpan.FromHours(2), Start + TimeSpan.FromHours(3) }));
    }

    [Test]
    public void Two_clocks_with_the_same_scale_and_origin_agree_whenever_each_was_made()
    {
        var inner = new FakeTimeProvider(Start);
        var sandbox = new ScaledTimeProvider(inner, 14_400, Start);
        inner.Advance(TimeSpan.FromSeconds(37.25));
        var collector = new ScaledTimeProvider(inner, 14_400, Start);

        inner.Advance(TimeSpan.FromSeconds(2.5));

        Assert.That(collector.GetUtcNow(), Is.EqualTo(sandbox.GetUtcNow()));
        Assert.That(collector.GetUtcNow(), Is.EqualTo(Start + (TimeSpan.FromSeconds(39.75) * 14_400)), "sandbox time = origin + scale x real time since the origin");
        Assert.That(new ScaledTimeProvider(inner, 14_400).GetUtcNow(), Is.EqualTo(inner.GetUtcNow()), "without an origin, it starts at the inner now");
    }

    [Test]
    public void A_scale_below_1_is_refused() =>
        Assert.That(() => new ScaledTimeProvider(TimeProvider.System, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
}
