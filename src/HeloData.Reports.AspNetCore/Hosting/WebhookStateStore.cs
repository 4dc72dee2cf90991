using HeloData.Reports.Collector;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The state store the webhook endpoint records runs in: the registered <see cref="ICollectorStateStore"/> (the
/// collector's, whichever order the two were registered in, so both doors share one store), or, for a receiver
/// without the collector, a <see cref="SqliteCollectorStateStore"/> of its own at
/// <see cref="ReportWebhookOptions.StorePath"/> under <see cref="ReportWebhookOptions.InstanceName"/>.
/// </summary>
internal sealed class WebhookStateStore : IAsyncDisposable, IDisposable
{
    private readonly SqliteCollectorStateStore? _owned;
    private readonly string _ownPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WebhookStateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ReportWebhookOptions>>().Value;
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        _ownPath = Path.Combine(root, options.StorePath);
        _time = services.GetRequiredService<TimeProvider>();
        _logger = services.GetService<ILogger<ReportWebhookEndpoint>>() ?? (ILogger)NullLogger.Instance;
        if (services.GetService<ICollectorStateStore>() is { } registered)
        {
            Store = registered;
            return;
        }

        _owned = new SqliteCollectorStateStore(_ownPath, options.InstanceName ?? Environment.MachineName, _time);
        Store = _owned;
    }

    public ICollectorStateStore Store { get; }

    /// <summary>
    /// Starts the store, and on the receiver's own file imports, once, what a receiver before issue 20 recorded in it
    /// (<see cref="DeliveryStoreUpgrade"/>); a start-up failure of the receiver's own store names the options that choose it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store cannot be used; the message names the file and why.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Store.StartAsync(cancellationToken).ConfigureAwait(false);
            if (_owned is not null)
            {
                await ImportEarlierRecordsAsync(_owned, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Another store records the runs now; a file an earlier receiver left at StorePath is only reported.
                await DeliveryStoreUpgrade.WarnIfLeftAsync(_ownPath, _logger, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException exception) when (_owned is not null)
        {
            // The store's message speaks of the collector's options; this one was made from the receiver's.
            throw new InvalidOperationException(
                $"{exception.Message} (The webhook receiver's store: {nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.StorePath)} chooses the file and {nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.InstanceName)} the instance name.)",
                exception);
        }
    }

    // The store has created its tables; the import needs them, and runs before any delivery is taken.
    private async Task ImportEarlierRecordsAsync(SqliteCollectorStateStore owned, CancellationToken cancellationToken)
    {
        try
        {
            await DeliveryStoreUpgrade.RunAsync(owned.Path, SqliteCollectorStateStore.BusyTimeout, _time, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw new InvalidOperationException(
                $"The collector state store {owned.Path} cannot be used: importing the runs an earlier receiver recorded in its table {DeliveryStoreUpgrade.OldTable} failed ({exception.Message}).",
                exception);
        }
    }

    // A registered store is the container's to dispose; the one made here is this object's.
    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    // A container disposed synchronously calls this one (it throws for a service that is only IAsyncDisposable).
    public void Dispose() => _owned?.Dispose();
}
