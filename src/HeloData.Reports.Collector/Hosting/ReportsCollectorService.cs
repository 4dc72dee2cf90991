using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Runs a pass at start and then every <see cref="ReportsCollectorOptions.PollInterval"/> (on the
/// <see cref="TimeProvider"/>). The state store is opened while the host starts, so a store that cannot work fails
/// the start. On stop, the pass in flight is cancelled: its runs' handlers are told to stop, and their claims are
/// released for the next start (or another instance) to take.
/// </summary>
internal sealed class ReportsCollectorService(
    IReportsCollector collector,
    CollectorStartup startup,
    IOptions<ReportsCollectorOptions> options,
    TimeProvider time,
    ILogger<ReportsCollector> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await collector.CollectOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The service or the store may be back by the next pass; nothing was recorded as collected.
                    CollectorLog.PassFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the pass released what it held.
        }
    }
}
