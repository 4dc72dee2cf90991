using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// One delivery, start to answer: spool the body to a temporary file while verifying it, then hand it to
/// the handler once per run, and answer 2xx only after the handler finished.
/// </summary>
internal sealed class ReportWebhookEndpoint(
    IOptions<ReportWebhookOptions> options,
    DeliveryIntake intake,
    IReportDeliveryStore store,
    IHostApplicationLifetime lifetime,
    ILogger<ReportWebhookEndpoint> logger)
{
    private readonly ReportWebhookOptions _options = options.Value;
    private readonly RunLocks _locks = new();

    public async Task HandleAsync(HttpContext context, Func<ReportDelivery, CancellationToken, Task> handler)
    {
        // Everything before verification (headers, spool slots, body limit, the spool file) is the intake's.
        using var spooled = await intake.ReceiveAsync(context).ConfigureAwait(false);
        if (spooled is null)
        {
            return;
        }

        var request = context.Request;
        var delivery = new ReportDelivery(spooled.Verified, spooled.Path, request.ContentType, new UnverifiedDeliveryHeaders(request.Headers), context.RequestServices);
        await HandleOnceAsync(context, delivery, handler).ConfigureAwait(false);
    }

    private async Task HandleOnceAsync(HttpContext context, ReportDelivery delivery, Func<ReportDelivery, CancellationToken, Task> handler)
    {
        // Not the request's token: a handler cut off because the sender stopped waiting would only be run
        // again on the redelivery. Finishing it, and recording it, makes the redelivery a no-op.
        var stopping = lifetime.ApplicationStopping;
        await using (await _locks.EnterAsync(delivery.RunId, stopping).ConfigureAwait(false))
        {
            switch (await store.TryClaimAsync(delivery.RunId, _options.HandlerLease, stopping).ConfigureAwait(false))
            {
                case ReportDeliveryClaim.AlreadyHandled:
                    WebhookLog.Duplicate(logger, delivery.RunId);
                    context.Response.StatusCode = StatusCodes.Status200OK;
                    return;
                case ReportDeliveryClaim.InProgress:
                    WebhookLog.InProgress(logger, delivery.RunId);
                    context.Response.StatusCode = StatusCodes.Status409Conflict;
                    context.Response.Headers.RetryAfter = "60";
                    return;
            }

            try
            {
                await handler(delivery, stopping).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                WebhookLog.HandlerFailed(logger, exception, delivery.RunId);
                await store.ReleaseAsync(delivery.RunId, CancellationToken.None).ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await store.CompleteAsync(delivery.RunId, CancellationToken.None).ConfigureAwait(false);
            WebhookLog.Handled(logger, delivery.RunId, delivery.Length);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }
}
