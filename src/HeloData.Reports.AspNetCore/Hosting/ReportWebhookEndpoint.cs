using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// One delivery, start to answer: the intake judges the headers and spools the body while verifying it,
/// then the run's handling hands it to the handler once per run, and answers 2xx only after the handler
/// finished.
/// </summary>
internal sealed class ReportWebhookEndpoint(DeliveryIntake intake, RunHandling runs)
{
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
        await runs.HandleAsync(context, delivery, handler).ConfigureAwait(false);
    }
}
