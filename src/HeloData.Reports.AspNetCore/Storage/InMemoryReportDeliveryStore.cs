namespace HeloData.Reports.AspNetCore;

/// <summary>
/// An <see cref="IReportDeliveryStore"/> in process memory: forgotten on restart, so a redelivery after a
/// restart is handled again. For tests and for handlers that are idempotent anyway.
/// </summary>
/// <param name="timeProvider">The clock for leases; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
public sealed class InMemoryReportDeliveryStore(TimeProvider? timeProvider = null) : IReportDeliveryStore
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);

    /// <summary>The runs recorded as handled, in no particular order.</summary>
    public IReadOnlyCollection<string> HandledRunIds
    {
        get
        {
            lock (_runs)
            {
                return [.. _runs.Where(run => run.Value.Handled).Select(run => run.Key)];
            }
        }
    }

    /// <summary>Nothing to open or check, and nothing survives a restart to release.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReportDeliveryClaim> TryClaimAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var now = _time.GetUtcNow();
        lock (_runs)
        {
            var run = _runs.GetValueOrDefault(runId) ?? new Run();
            if (run.Handled)
            {
                return Task.FromResult(ReportDeliveryClaim.AlreadyHandled);
            }

            if (run.LeaseUntil > now)
            {
                return Task.FromResult(ReportDeliveryClaim.InProgress);
            }

            // A lease that ended without completion or release: its handler's outcome is unknown.
            run.MayHaveBeenHandled |= run.LeaseUntil is not null;
            run.Attempts++;
            run.LeaseUntil = now + lease;
            _runs[runId] = run;
            return Task.FromResult(new ReportDeliveryClaim(ReportDeliveryClaimStatus.Claimed, run.Attempts, run.MayHaveBeenHandled));
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_runs)
        {
            if (_runs.GetValueOrDefault(runId) is { Handled: false, LeaseUntil: not null } run)
            {
                run.LeaseUntil = _time.GetUtcNow() + lease;
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_runs)
        {
            var run = _runs.GetValueOrDefault(runId) ?? new Run();
            run.Handled = true;
            run.LeaseUntil = null;
            _runs[runId] = run;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_runs)
        {
            if (_runs.GetValueOrDefault(runId) is { Handled: false } run)
            {
                run.LeaseUntil = null;
            }
        }

        return Task.CompletedTask;
    }

    private sealed class Run
    {
        public bool Handled { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public int Attempts { get; set; }

        public bool MayHaveBeenHandled { get; set; }
    }
}
