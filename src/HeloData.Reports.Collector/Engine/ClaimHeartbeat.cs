using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>
/// Renews a run's claim every third of its lease (on the <see cref="TimeProvider"/>) while its handlers work, so a
/// slow handler keeps its run and a dead instance loses it within a lease. <see cref="Lost"/> is cancelled when the
/// store answers that the claim is no longer this owner's, or when no renewal has succeeded for the lease less a
/// third of it (the store may be unreachable: the claim is about to lapse there, and another instance may take the
/// run over once it has, so the handlers here stop first). A renewal that fails before then is logged and tried
/// again at the next beat.
/// </summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _lost = new();

    // Cancelled (on the TimeProvider) the margin before the lease of the last successful renewal ends.
    private readonly CancellationTokenSource _expiry;
    private readonly CancellationTokenRegistration _onExpiry;
    private readonly TimeSpan _safeFor;
    private readonly TimeProvider _time;
    private readonly Task _beating;

    private ClaimHeartbeat(ICollectorStateStore store, string runId, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken life)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(life);
        _time = time;

        // The claim was taken (or renewed) just before: its lease counts from no later than now.
        _safeFor = lease - (lease / 3);
        _expiry = new CancellationTokenSource(_safeFor, time);
        _onExpiry = _expiry.Token.Register(() =>
        {
            CollectorLog.ClaimExpiring(logger, runId);
            _lost.Cancel();
        });

        // The timer counts from now, as the claim's lease does, not from whenever the loop first runs.
        var timer = new PeriodicTimer(lease / 3, time);
        _beating = Task.Run(() => BeatAsync(timer, store, runId, lease, logger));
    }

    /// <summary>Cancelled once the claim was taken over, or may lapse before another renewal succeeds.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Starts renewing the claim on <paramref name="runId"/>, taken or renewed just before.</summary>
    /// <param name="store">The store holding the claim.</param>
    /// <param name="runId">The claimed run.</param>
    /// <param name="lease">The claim's lease: renewed every third of it, for as long again.</param>
    /// <param name="time">The clock the beats and the lease's end follow.</param>
    /// <param name="logger">Where failed renewals and a lost claim are logged.</param>
    /// <param name="life">Cancelled when the collector is disposed: the beat stops, as a dead instance's would.</param>
    public static ClaimHeartbeat Start(ICollectorStateStore store, string runId, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken life) =>
        new(store, runId, lease, time, logger, life);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _beating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // Waits for an expiry callback under way, so it never cancels a disposed source.
        await _onExpiry.DisposeAsync().ConfigureAwait(false);
        _expiry.Dispose();
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task BeatAsync(PeriodicTimer timer, ICollectorStateStore store, string runId, TimeSpan lease, ILogger logger)
    {
        var stop = _stop.Token;
        using var owned = timer;
        while (!_lost.IsCancellationRequested && await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            // The store's new lease counts from no earlier than the call: the end is reckoned from its start.
            var asked = _time.GetUtcNow();
            try
            {
                if (!await store.RenewAsync(runId, lease, stop).ConfigureAwait(false))
                {
                    CollectorLog.ClaimLost(logger, runId);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                var left = asked + _safeFor - _time.GetUtcNow();
                _expiry.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                CollectorLog.ClaimNotRenewed(logger, exception, runId);
            }
        }
    }
}
