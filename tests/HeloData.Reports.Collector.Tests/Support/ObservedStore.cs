namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>
/// A store that passes every call to another one (<see cref="ForwardingStateStore"/>), signals each renewal that reached it, and can play an instance
/// whose heartbeat no longer reaches the database (<see cref="Frozen"/>: renewals are dropped, answered as if made),
/// or whose database is unreachable (<see cref="Unreachable"/>: renewals throw, each signalled as it is tried;
/// <see cref="RecordsFail"/>: recording a handler's return throws).
/// </summary>
internal sealed class ObservedStore(ICollectorStateStore inner) : ForwardingStateStore(inner)
{
    private readonly SemaphoreSlim _renewed = new(0);

    public volatile bool Frozen;

    public volatile bool Unreachable;

    public volatile bool RecordsFail;

    /// <summary>Waits for the next renewal that reached the store (a generous real-time bound, for a broken heartbeat).</summary>
    public async Task WaitForRenewalAsync()
    {
        if (!await _renewed.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The heartbeat did not renew the claim.");
        }
    }

    public override async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (Frozen)
        {
            return true;
        }

        if (Unreachable)
        {
            _renewed.Release();
            throw new IOException("The state store is unreachable.");
        }

        var renewed = await Inner.RenewAsync(runId, lease, cancellationToken);
        _renewed.Release();
        return renewed;
    }

    public override Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken) =>
        RecordsFail ? throw new IOException("The state store is unreachable.") : Inner.RecordHandlerFinishedAsync(runId, handlerName, cancellationToken);
}
