using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its pending timers, so a simulation can move the
/// clock straight to the next one instead of in fixed steps (which would round every poll up to a
/// step and blur the detection delay).
/// </summary>
/// <remarks>
/// Two kinds of timer matter: sleeps (<c>Task.Delay</c> on this provider: the waiter's initial delay and
/// its pauses between polls) and timeouts (a <see cref="CancellationTokenSource"/> on this provider: the
/// transport's attempt and total timeouts, the wait's MaxWait). The waiter is idle, and the clock may
/// move, only while a sleep is pending; while a request is in flight there is none.
/// </remarks>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly HashSet<TrackedTimer> _timers = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>A task that completes at the next timer creation, change, firing or disposal.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>When the earliest pending timer is due, if a sleep is pending (the code under test is idle); else <see langword="null"/>.</summary>
    public DateTimeOffset? NextDueWhileIdle()
    {
        var now = GetUtcNow();
        lock (_lock)
        {
            DateTimeOffset? earliest = null;
            var sleeping = false;
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && due > now)
                {
                    sleeping |= !timer.IsTimeout;
                    earliest = earliest is null || due < earliest ? due : earliest;
                }
            }

            return sleeping ? earliest : null;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this, callback, state, state is CancellationTokenSource);
        tracked.Schedule(dueTime, period);
        lock (_lock)
        {
            _timers.Add(tracked);
        }

        // The fake timer may fire at once (a zero due time); the tracked one is registered first.
        tracked.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), tracked, dueTime, period);
        Signal();
        return tracked;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            fired = _changed;
            _changed = NewSignal();
        }

        fired.TrySetResult();
    }

    private void Remove(TrackedTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }

        Signal();
    }

    private sealed class TrackedTimer(SteppingTimeProvider owner, TimerCallback callback, object? state, bool isTimeout) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public bool IsTimeout { get; } = isTimeout;

        public DateTimeOffset? Due { get; private set; }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
        }

        public void Fire()
        {
            Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : owner.GetUtcNow() + _period;
            callback(state);
            owner.Signal();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            var changed = Inner.Change(dueTime, period);
            owner.Signal();
            return changed;
        }

        public void Dispose()
        {
            Due = null;
            Inner.Dispose();
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
