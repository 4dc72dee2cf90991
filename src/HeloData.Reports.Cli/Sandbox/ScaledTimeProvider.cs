namespace HeloData.Reports.Cli.Sandbox;

/// <summary>
/// A clock that runs <c>scale</c> times faster than another, from the other's now: one second of the
/// inner clock is <c>scale</c> seconds of this one, and a timer set for <c>scale</c> seconds fires after one
/// inner second. So a sandbox's daily schedule fires every few seconds (<c>--time-scale</c>).
/// </summary>
/// <remarks>
/// Over a fake inner clock (the CLI's tests) it is as deterministic as that clock: advancing the inner one
/// by a second moves this one by <c>scale</c> seconds and fires the timers due within them.
/// </remarks>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _scale;
    private readonly DateTimeOffset _innerStart;
    private readonly long _innerStartTimestamp;

    /// <param name="inner">The clock to speed up, usually the system's.</param>
    /// <param name="scale">How many of this clock's seconds pass in one of <paramref name="inner"/>'s, at least 1.</param>
    public ScaledTimeProvider(TimeProvider inner, long scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        _inner = inner;
        _scale = scale;
        _innerStart = inner.GetUtcNow();
        _innerStartTimestamp = inner.GetTimestamp();
    }

    /// <summary>The inner clock's now when this one was made: where both clocks read the same.</summary>
    public DateTimeOffset Origin => _innerStart;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _innerStart + ((_inner.GetUtcNow() - _innerStart) * _scale);

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
