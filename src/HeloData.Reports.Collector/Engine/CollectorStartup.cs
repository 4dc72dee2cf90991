namespace HeloData.Reports.Collector;

/// <summary>
/// Opens the state store once, before the first run is claimed: at the host's start (so a store that cannot work
/// fails the start), or at the first call when the collector is used without a host (<c>collect --once</c>).
/// The spool folder is made, and swept, when this is built.
/// </summary>
internal sealed class CollectorStartup(ICollectorStateStore store, CollectorSpool spool) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _started;

    /// <summary>The spool, made and swept by now.</summary>
    public CollectorSpool Spool => spool;

    public async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                await store.StartAsync(cancellationToken).ConfigureAwait(false);
                _started = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
