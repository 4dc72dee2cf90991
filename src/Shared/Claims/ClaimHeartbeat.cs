using Microsoft.Extensions.Logging;

namespace HeloData.Reports;

/// <summary>
/// Renews a claim every third of its lease (on the <see cref="TimeProvider"/>) while the work under it goes on, so
/// slow work keeps its claim and a dead instance loses it within a lease. <see cref="Lost"/> is cancelled when the
/// store answers that the claim is no longer this owner's, or when no renewal has succeeded for the lease less a
/// third of it (the store may be unreachable: the claim is about to lapse there, and another instance may take it
/// over once it has, so the work here stops first). A renewal that fails before then is logged and tried again at
/// the next beat. Shared source, linked into the collector (runs, backfill requests) and the receiver (handlers).
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

    private ClaimHeartbeat(Func<CancellationToken, Task<bool>> renew, string claim, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken life)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(life);
        _time = time;

        // The claim was taken (or renewed) just before: its lease counts from no later than now.
        _safeFor = lease - (lease / 3);
        _expiry = new CancellationTokenSource(_safeFor, time);
        _onExpiry = _expiry.Token.Register(() =>
        {
            ClaimLog.ClaimExpiring(logger, claim);
            _lost.Cancel();
        });

        // The timer counts from now, as the claim's lease does, not from whenever the loop first runs.
        var timer = new PeriodicTimer(lease / 3, time);
        _beating = Task.Run(() => BeatAsync(timer, renew, claim, logger));
    }

    /// <summary>Cancelled once the claim was taken over, or may lapse before another renewal succeeds.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Starts renewing a claim taken or renewed just before.</summary>
    /// <param name="renew">Renews the claim for another lease; <see langword="false"/> when it is no longer this owner's.</param>
    /// <param name="claim">What is claimed, for the log (a run id, or a gap's backfill).</param>
    /// <param name="lease">The claim's lease: renewed every third of it, for as long again.</param>
    /// <param name="time">The clock the beats and the lease's end follow.</param>
    /// <param name="logger">Where failed renewals and a lost claim are logged.</param>
    /// <param name="life">Cancelled when the owner is disposed: the beat stops, as a dead instance's would.</param>
    public static ClaimHeartbeat Start(Func<CancellationToken, Task<bool>> renew, string claim, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken life) =>
        new(renew, claim, lease, time, logger, life);

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

    private async Task BeatAsync(PeriodicTimer timer, Func<CancellationToken, Task<bool>> renew, string claim, ILogger logger)
    {
        var stop = _stop.Token;
        using var owned = timer;
        while (!_lost.IsCancellationRequested && await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            // The store's new lease counts from no earlier than the call: the end is reckoned from its start.
            var asked = _time.GetUtcNow();
            try
            {
                if (!await renew(stop).ConfigureAwait(false))
                {
                    ClaimLog.ClaimLost(logger, claim);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                var left = asked + _safeFor - _time.GetUtcNow();
                _expiry.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                ClaimLog.ClaimNotRenewed(logger, exception, claim);
            }
        }
    }
}
