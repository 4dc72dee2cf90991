using System.Globalization;
using HeloData.Reports.Collector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// A verified delivery, from claim to answer: the run is claimed in the state store (the collector's, so the
/// collector's poll does not take a run handled here, nor this endpoint one it collected), the handler runs while a
/// heartbeat renews the claim, and the outcome is recorded. Nothing here waits for another delivery: a run
/// being handled here or by another receiver is answered 409 at once, and a store or host that cannot take
/// the delivery now is answered 503, both with <c>Retry-After</c>, so the service tries again.
/// </summary>
internal sealed class RunHandling(
    IOptions<ReportWebhookOptions> options,
    WebhookStateStore state,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ReportWebhookEndpoint> logger)
{
    // The sender's next try after a 503 (a restart or a store busy for seconds): soon, not at once.
    internal static readonly TimeSpan RetryUnavailable = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _lease = options.Value.HandlerLease;
    private readonly RunLocks _running = new();

    public async Task HandleAsync(HttpContext context, ReportDelivery delivery, Func<ReportDelivery, CancellationToken, Task> handler)
    {
        // Not the request's token: a handler cut off because the sender stopped waiting would only be run
        // again on the redelivery. Finishing it, and recording it, makes the redelivery a no-op.
        var stopping = lifetime.ApplicationStopping;
        var runId = delivery.RunId;
        using var running = _running.TryEnter(runId);
        if (running is null)
        {
            WebhookLog.InProgress(logger, runId);
            Answer(context, StatusCodes.Status409Conflict, _lease);
            return;
        }

        var claim = await ClaimAsync(context, delivery, stopping).ConfigureAwait(false);
        switch (claim?.Status)
        {
            case null:
                return;
            case RunClaimStatus.AlreadyCollected:
                WebhookLog.Duplicate(logger, runId);
                Answer(context, StatusCodes.Status200OK);
                return;
            case RunClaimStatus.InProgress:
                WebhookLog.InProgress(logger, runId);
                Answer(context, StatusCodes.Status409Conflict, _lease);
                return;
        }

        delivery.Attempt = claim.Attempt;
        delivery.MayHaveBeenHandled = claim.MayHaveBeenHandled;
        // The app's life stops the beat: a stopped receiver renews nothing. The handler stops with the claim, when it
        // was taken over or may lapse before a renewal gets through (a partitioned receiver stops before another takes over).
        var heartbeat = ClaimHeartbeat.Start(beat => state.Store.RenewAsync(runId, _lease, beat), runId, _lease, time, logger, stopping);
        var lost = heartbeat.Lost; // read below once the heartbeat is disposed (a token's state outlives its source)
        try
        {
            await using (heartbeat.ConfigureAwait(false))
            {
                using var working = CancellationTokenSource.CreateLinkedTokenSource(stopping, lost);
                await handler(delivery, working.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WebhookLog.HandlerStopped(logger, runId);
            await ReleaseAsync(runId).ConfigureAwait(false);
            Answer(context, StatusCodes.Status503ServiceUnavailable, RetryUnavailable);
            return;
        }
        catch (Exception) when (lost.IsCancellationRequested)
        {
            // Whatever the handler threw once its claim was lost: another receiver (or the poll) has the run, or will
            // once the claim lapses; a claim still this process's is released, so it need not wait for the lapse.
            await ReleaseAsync(runId).ConfigureAwait(false);
            Answer(context, StatusCodes.Status409Conflict, _lease);
            return;
        }
        catch (Exception exception)
        {
            WebhookLog.HandlerFailed(logger, exception, runId);
            await ReleaseAsync(runId).ConfigureAwait(false);
            Answer(context, StatusCodes.Status500InternalServerError);
            return;
        }

        try
        {
            if (!await state.Store.CompleteAsync(runId, CancellationToken.None).ConfigureAwait(false))
            {
                // The claim lapsed and another receiver (or the collector's poll) took the run over; it records the
                // run, and the redelivery then finds it handled.
                ClaimLog.ClaimLost(logger, runId);
                Answer(context, StatusCodes.Status409Conflict, _lease);
                return;
            }
        }
        catch (Exception exception)
        {
            // The handler finished but the record did not: the claim lapses after its lease, and the next
            // attempt is told the run may have been handled.
            WebhookLog.NotRecorded(logger, exception, runId);
            Answer(context, StatusCodes.Status503ServiceUnavailable, RetryUnavailable);
            return;
        }

        WebhookLog.Handled(logger, runId, delivery.Length);
        Answer(context, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Claims the run; answers 503 and returns <see langword="null"/> when the host is stopping, or the store (or the
    /// service, asked for the run's report and window) cannot answer now.
    /// </summary>
    /// <remarks>
    /// A claim call that fails or is cancelled may still have been written: the store's writer can commit it
    /// after the caller stopped waiting. It is released on every such path, while this request still holds the
    /// run's gate (and the writer runs calls in order, so the release follows the claim, or finds nothing to
    /// release); otherwise the run would stay claimed by this process with nobody handling it.
    /// </remarks>
    private async Task<RunClaim?> ClaimAsync(HttpContext context, ReportDelivery delivery, CancellationToken stopping)
    {
        var runId = delivery.RunId;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        try
        {
            stopping.ThrowIfCancellationRequested();
            var trusted = await DeliveryRunRecord.ReadTrustedAsync(context.RequestServices, runId, either.Token).ConfigureAwait(false);
            return await state.Store.TryClaimAsync(DeliveryRunRecord.Of(delivery, trusted), _lease, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WebhookLog.Stopping(logger, runId);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The sender is gone; nobody reads the answer.
            await ReleaseAsync(runId).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception)
        {
            WebhookLog.StoreUnavailable(logger, exception, runId);
        }

        await ReleaseAsync(runId).ConfigureAwait(false);
        Answer(context, StatusCodes.Status503ServiceUnavailable, RetryUnavailable);
        return null;
    }

    private async Task ReleaseAsync(string runId)
    {
        try
        {
            await state.Store.ReleaseAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The claim then lapses after its lease instead; the answer stays what it was.
            ClaimLog.NotReleased(logger, exception, runId);
        }
    }

    /// <summary>Sets the answer's status, and its <c>Retry-After</c> in whole seconds (at least 1).</summary>
    internal static void Answer(HttpContext context, int status, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
