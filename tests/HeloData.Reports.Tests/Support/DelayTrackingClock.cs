using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when the code under test is waiting on it: it tracks the
/// delays (<c>Task.Delay</c> on this clock) that are registered and have neither fired nor been cancelled.
/// A driver that moves the clock only to the next such delay never moves it while a request is on the
/// wire or a response is being read, however slow the machine is.
/// </summary>
internal sealed class DelayTrackingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<PendingDelay> _pending = [];

    /// <summary>When the earliest pending delay ends, or null while the code is not waiting on a delay.</summary>
    public DateTimeOffset? NextDelayDue
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 ? null : _pending.Min(d => d.Due);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Task.Delay(delay, timeProvider, token) is the one caller that passes its own task as the state of a
        // one-shot timer; timeouts (CancellationTokenSource, CancelAfter) pass the source, so they are not waits.
        if (state is not Task || period != Timeout.InfiniteTimeSpan || dueTime == Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        var delay = new PendingDelay(GetUtcNow() + dueTime);
        lock (_gate)
        {
            _pending.Add(delay);
        }

        var timer = base.CreateTimer(
            s =>
            {
                Forget(delay);
                callback(s);
            },
            state,
            dueTime,
            period);
        return new TrackedTimer(timer, () => Forget(delay));
    }

    private void Forget(PendingDelay delay)
    {
        lock (_gate)
        {
            _pending.Remove(delay);
        }
    }

    // A class, not a record: two delays ending at the same instant are two waits.
    private sealed class PendingDelay(DateTimeOffset due)
    {
        public DateTimeOffset Due => due;
    }

    private sealed class TrackedTimer(ITimer inner, Action forget) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            forget();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            forget();
            return inner.DisposeAsync();
        }
    }
}
