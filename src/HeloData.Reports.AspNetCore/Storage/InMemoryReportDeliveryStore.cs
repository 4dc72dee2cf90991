namespace HeloData.Reports.AspNetCore;

/// <summary>
/// An <see cref="IReportDeliveryStore"/> in process memory: forgotten on restart, so a redelivery after a
/// restart is handled again. For tests and for handlers that are idempotent anyway.
/// </summary>
/// <param name="timeProvider">The clock for leases; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
public sealed class InMemoryReportDeliveryStore(TimeProvider? timeProvider = null) : IReportDeliveryStore
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Dictionary<string, DateTimeOffset?> _runs = new(StringComparer.Ordinal);

    /// <summary>The runs recorded as handled, in no particular order.</summary>
    public IReadOnlyCollection<string> HandledRunIds
    {
        get
        {
            lock (_runs)
            {
                return [.. _runs.Where(run => run.Value is null).Select(run => run.Key)];
            }
        }
    }

    /// <inheritdoc />
    public Task<ReportDeliveryClaim> TryClaimAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var now = _time.GetUtcNow();
        lock (_runs)
        {
            if (_runs.TryGetValue(runId, out var leaseUntil))
            {
                if (leaseUntil is null)
                {
                    return Task.FromResult(ReportDeliveryClaim.AlreadyHandled);
                }

                if (leaseUntil > now)
                {
                    return Task.FromResult(ReportDeliveryClaim.InProgress);
                }
            }

            _runs[runId] = now + lease;
            return Task.FromResult(ReportDeliveryClaim.Claimed);
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_runs)
        {
            _runs[runId] = null;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_runs)
        {
            if (_runs.TryGetValue(runId, out var leaseUntil) && leaseUntil is not null)
            {
                _runs.Remove(runId);
            }
        }

        return Task.CompletedTask;
    }
}
