namespace HeloData.Reports.Cli.Sandbox;

/// <summary>
/// A clock that runs <c>scale</c> times faster than another from an origin, an instant at which both read the same:
/// one second of the inner clock is <c>scale</c> seconds of this one, and a timer set for <c>scale</c> seconds fires
/// after one inner second. So a sandbox's daily schedule fires every few seconds (<c>--time-scale</c>), and a
/// <c>collect</c> given the sandbox's scale and origin (<c>--time-origin</c>) reads the same time as the sandbox.
/// </summary>
/// <remarks>
/// Over a fake inner clock (the CLI's tests) it is as deterministic as that clock: advancing the inner one
/// by a second moves this one by <c>scale</c> seconds and fires the timers due within them.
/// </remarks>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _scale;
    private readonly DateTimeOffset _origin;
    private readonly long _innerStartTimestamp;

    /// <summary>A clock whose origin is <paramref name="inner"/>'s now.</summary>
    /// <param name="inner">The clock to speed up, usually the system's.</param>
    /// <param name="scale">How many of this clock's seconds pass in one of <paramref name="inner"/>'s, at least 1.</param>
    public ScaledTimeProvider(TimeProvider inner, long scale)
        : this(inner, scale, inner.GetUtcNow())
    {
    }

    /// <summary>
    /// A clock whose origin is given: two made with the same scale and origin read the same time, whenever and in
    /// whichever process each was made (so a sandbox and the collectors rehearsing against it share one clock).
    /// </summary>
    /// <param name="inner">The clock to speed up, usually the system's.</param>
    /// <param name="scale">How many of this clock's seconds pass in one of <paramref name="inner"/>'s, at least 1.</param>
    /// <param name="origin">The instant at which both clocks read the same, usually in the past.</param>
    public ScaledTimeProvider(TimeProvider inner, long scale, DateTimeOffset origin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        _inner = inner;
        _scale = scale;
        _origin = origin;
        _innerStartTimestamp = inner.GetTimestamp();
    }

    /// <summary>The instant at which this clock and the inner one read the same.</summary>
    public DateTimeOffset Origin => _origin;

    /// <summary>How many of this clock's seconds pass in one of the inner clock's.</summary>
    public long Scale => _scale;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    // Whole ticks, not a double product: every process computes the same instant from the same inner time.
    public override DateTimeOffset GetUtcNow() => _origin + TimeSpan.FromTicks(checked((_inner.GetUtcNow() - _origin).Ticks * _scale));

    // Timestamps only measure elapsed time, so they are scaled from this clock's making, not from the origin.
    public override long GetTimestamp() => _innerStartTimestamp + ((_inner.GetTimestamp() - _innerStartTimestamp) * _scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Inner(dueTime), Inner(period)), this);

    /// <summary>This clock's span as the inner clock's: shorter by the scale (an infinite one stays infinite).</summary>
    private TimeSpan Inner(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks(span.Ticks / _scale);

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Inner(dueTime), clock.Inner(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
