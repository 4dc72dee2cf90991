using HeloData.Reports.Collector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The collector's push door: a delivery is received and verified as for a handler (<see cref="DeliveryIntake"/>),
/// its run read from the service by its signed id, and the spooled artifact handed to
/// <see cref="IReportsCollector.CollectRunAsync"/>, which claims it in the collector's state store and runs the
/// collector's handlers. A run the poll collected first is answered 200 without work; one the poll (or another
/// instance) is collecting now is answered 409, and its redelivery finds it collected.
/// </summary>
internal sealed class CollectorWebhookEndpoint(DeliveryIntake intake, IHostApplicationLifetime lifetime, ILogger<ReportWebhookEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        using var spooled = await intake.ReceiveAsync(context).ConfigureAwait(false);
        if (spooled is null)
        {
            return;
        }

        var services = context.RequestServices;
        var runId = spooled.Verified.RunId;

        // Not the request's token, as for a handler: a collection cut off because the sender stopped waiting would
        // only be done again on the redelivery.
        var stopping = lifetime.ApplicationStopping;
        RunCollectionResult result;
        try
        {
            var run = await services.GetRequiredService<IReportsClient>().GetRunAsync(runId, stopping).ConfigureAwait(false);
            result = await services.GetRequiredService<IReportsCollector>().CollectRunAsync(run, spooled.Path, RunOrigin.Webhook, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WebhookLog.Stopping(logger, runId);
            RunHandling.Answer(context, StatusCodes.Status503ServiceUnavailable, RunHandling.RetryUnavailable);
            return;
        }
        catch (Exception exception)
        {
            // The service could not be asked for the run, or the store could not claim it: nothing was handled.
            WebhookLog.CollectorUnavailable(logger, exception, runId);
            RunHandling.Answer(context, StatusCodes.Status503ServiceUnavailable, RunHandling.RetryUnavailable);
            return;
        }

        WebhookLog.Collected(logger, runId, result);
        switch (result)
        {
            case RunCollectionResult.Collected or RunCollectionResult.AlreadyCollected:
                RunHandling.Answer(context, StatusCodes.Status200OK);
                break;
            case RunCollectionResult.InProgress:
                RunHandling.Answer(context, StatusCodes.Status409Conflict, services.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value.ClaimLease);
                break;
            default:
                // A handler threw (the collector released the run): the service redelivers, and the handlers run again.
                RunHandling.Answer(context, StatusCodes.Status500InternalServerError);
                break;
        }
    }
}
