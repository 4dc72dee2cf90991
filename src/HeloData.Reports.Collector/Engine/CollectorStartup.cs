namespace HeloData.Reports.Collector;

/// <summary>
/// Opens the state store once, before the first run is claimed: at the host's start (so a store that cannot work
/// fails the start), or at the first call when the collector is used without a host (<c>collect --once</c>).
/// The spool folder is made, and swept, when this is built. A collector with no handler fails here: it would record
/// every run as collected for good, and a handler added later would never see them.
/// </summary>
internal sealed class CollectorStartup(ICollectorStateStore store, CollectorSpool spool, IEnumerable<HandlerRegistration> handlers) : IDisposable
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
                RequireAHandler();
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

    private void RequireAHandler()
    {
        if (!handlers.Any())
        {
            throw new InvalidOperationException(
                "The HeloData Reports collector has no handler: it would record every run as collected without handing it to anything, " +
                "and a handler added later would never see those runs. Add one to the builder AddHeloReportsCollector returns: " +
                "AddHandler<T>(), AddHandler(name, (run, ct) => ...), WriteToDirectory(path), or LoadIntoPostgreSql(connectionString) (HeloData.Reports.PostgreSql).");
        }
    }
}
