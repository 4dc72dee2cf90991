using HeloData.Reports.Collector;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Renews a run's claim every third of its lease while the handler runs, so a slow handler keeps its run and
/// a dead one loses it within a lease. Failures are logged, never thrown: the handler goes on either way.
/// </summary>
internal sealed class HandlerHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    private HandlerHeartbeat(ICollectorStateStore store, string runId, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        // The timer starts counting now, as the claim's lease did, not whenever the loop first runs.
        var timer = new PeriodicTimer(lease / 3, time);
        _beating = Task.Run(() => BeatAsync(timer, store, runId, lease, logger, _stop.Token));
    }

    public static HandlerHeartbeat Start(ICollectorStateStore store, string runId, TimeSpan lease, TimeProvider time, ILogger logger) =>
        new(store, runId, lease, time, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _beating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task BeatAsync(PeriodicTimer timer, ICollectorStateStore store, string runId, TimeSpan lease, ILogger logger, CancellationToken stop)
    {
        using var owned = timer;
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            try
            {
                if (!await store.RenewAsync(runId, lease, stop).ConfigureAwait(false))
                {
                    WebhookLog.ClaimLost(logger, runId);
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                WebhookLog.ClaimNotRenewed(logger, exception, runId);
            }
        }
    }
}
