using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>
/// Renews a run's claim every third of its lease (on the <see cref="TimeProvider"/>) while its handlers work, so a
/// slow handler keeps its run and a dead instance loses it within a lease. When the store answers that the claim
/// is no longer this owner's, <see cref="Lost"/> is cancelled: the handlers stop, and nothing more is recorded.
/// A renewal that fails is logged and tried again at the next beat.
/// </summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _beating;

    private ClaimHeartbeat(ICollectorStateStore store, string runId, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken life)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(life);

        // The timer counts from now, as the claim's lease does, not from whenever the loop first runs.
        var timer = new PeriodicTimer(lease / 3, time);
        _beating = Task.Run(() => BeatAsync(timer, store, runId, lease, logger));
    }

    /// <summary>Cancelled once the store said the claim was taken over.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Starts renewing the claim on <paramref name="runId"/>.</summary>
    /// <param name="store">The store holding the claim.</param>
    /// <param name="runId">The claimed run.</param>
    /// <param name="lease">The claim's lease: renewed every third of it, for as long again.</param>
    /// <param name="time">The clock the beats follow.</param>
    /// <param name="logger">Where failed renewals and a lost claim are logged.</param>
    /// <param name="life">Cancelled when the collector is disposed: the beat stops, as a dead instance's would.</param>
    public static ClaimHeartbeat Start(ICollectorStateStore store, string runId, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken life) =>
        new(store, runId, lease, time, logger, life);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _beating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task BeatAsync(PeriodicTimer timer, ICollectorStateStore store, string runId, TimeSpan lease, ILogger logger)
    {
        var stop = _stop.Token;
        using var owned = timer;
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            try
            {
                if (!await store.RenewAsync(runId, lease, stop).ConfigureAwait(false))
                {
                    CollectorLog.ClaimLost(logger, runId);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                CollectorLog.ClaimNotRenewed(logger, exception, runId);
            }
        }
    }
}
