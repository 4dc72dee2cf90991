using HeloData.Reports;
using HeloData.Reports.AspNetCore;
using HeloData.Reports.Collector;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint that receives HeloData Reports webhook deliveries.</summary>
public static class ReportWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a <c>POST</c> endpoint for pushed reports. Each delivery is verified while its body is stored
    /// to a temporary file, then handed to <paramref name="handler"/> once per run: a redelivery of a run
    /// already handled is answered 200 without calling it. The one exception: when the process dies after the
    /// handler finished and before the run was recorded, the run is handled again, and
    /// <see cref="ReportDelivery.MayHaveBeenHandled"/> says so.
    /// </summary>
    /// <remarks>
    /// Answers: 200 once the handler returned (or the run was handled before); 401 for a missing or wrong
    /// signature; 400 for a missing header or a timestamp that is malformed or out of tolerance; 413 for a
    /// body over <see cref="ReportWebhookOptions.MaxDeliveryBytes"/>; 503 with <c>Retry-After</c> while
    /// <see cref="ReportWebhookOptions.MaxConcurrentDeliveries"/> bodies are being read. What the headers
    /// alone condemn is answered before any body byte is read. 409 at once, with <c>Retry-After</c>, while
    /// the run is being handled here or by another receiver sharing the store; 503 with <c>Retry-After</c> when
    /// the application is stopping or the store is locked by another process; 500 when the handler throws, so
    /// the service redelivers and the handler runs again. The handler's token is canceled when the application
    /// stops (the delivery is then answered 503), not when the sender gives up waiting: a finished handler is
    /// recorded, so the redelivery is a no-op.
    /// </remarks>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/helodata</c>: the destination's <c>url</c> points at it.</param>
    /// <param name="handler">Stores or processes the verified artifact; throw to have it delivered again.</param>
    /// <returns>The endpoint's builder, to add conventions (a host, rate limiting, …).</returns>
    /// <exception cref="InvalidOperationException"><c>AddHeloReportsWebhooks</c> was not called.</exception>
    public static IEndpointConventionBuilder MapHeloReportsWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<ReportDelivery, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);

        var endpoint = endpoints.ServiceProvider.GetService<ReportWebhookEndpoint>()
            ?? throw new InvalidOperationException($"Call services.{nameof(ReportWebhookServiceCollectionExtensions.AddHeloReportsWebhooks)}(...) before {nameof(MapHeloReportsWebhook)}.");
        return endpoints.MapPost(pattern, (Microsoft.AspNetCore.Http.RequestDelegate)(context => endpoint.HandleAsync(context, handler)));
    }

    /// <summary>
    /// Maps a <c>POST</c> endpoint whose deliveries feed the collector (<c>AddHeloReportsCollector</c>): each is
    /// verified and stored to a temporary file as for <see cref="MapHeloReportsWebhook"/>, its run is read from the
    /// service by its signed id, and the artifact goes to the collector's handlers and sinks through
    /// <see cref="IReportsCollector.CollectRunAsync"/> (origin <see cref="RunOrigin.Webhook"/>). Pushed runs and
    /// polled runs share one claim per run in the collector's state store, so a run delivered here is not collected
    /// again by the poll, and a redelivery of a run the poll collected is answered 200 without work.
    /// </summary>
    /// <remarks>
    /// Answers: 200 once the collector's handlers took the run (or it was collected before, by either door); 409 with
    /// <c>Retry-After</c> (the collector's <c>ClaimLease</c>) while the poll or another instance is collecting it, so
    /// the service redelivers later and finds it collected; 500 when a handler threw (the collector released the run,
    /// so the redelivery, or the next poll, offers it again); 503 with <c>Retry-After</c> when the application is
    /// stopping, or the service (asked for the run) or the state store cannot answer now. Everything before the
    /// collector (401, 400, 413, 503 for too many bodies at once) is answered as by <see cref="MapHeloReportsWebhook"/>.
    /// </remarks>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/helodata</c>: the destination's <c>url</c> points at it.</param>
    /// <returns>The endpoint's builder, to add conventions (a host, rate limiting, …).</returns>
    /// <exception cref="InvalidOperationException"><c>AddHeloReportsWebhooks</c>, <c>AddHeloReportsCollector</c> or <c>AddHeloReports</c> was not called.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReports(builder.Configuration.GetSection("HeloReports"));
    /// builder.Services.AddHeloReportsCollector(o => o.Reports = ["rep_..."]).AddHandler&lt;MyRunHandler&gt;();
    /// builder.Services.AddHeloReportsWebhooks(o => o.SigningSecrets = [builder.Configuration["HeloReports:WebhookSecret"]!]);
    /// var app = builder.Build();
    /// app.MapHeloReportsCollectorWebhook("/hooks/helodata");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapHeloReportsCollectorWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        var services = endpoints.ServiceProvider;
        var endpoint = services.GetService<CollectorWebhookEndpoint>()
            ?? throw new InvalidOperationException($"Call services.{nameof(ReportWebhookServiceCollectionExtensions.AddHeloReportsWebhooks)}(...) before {nameof(MapHeloReportsCollectorWebhook)}.");
        if (services.GetService<IServiceProviderIsService>() is { } known
            && !(known.IsService(typeof(IReportsCollector)) && known.IsService(typeof(IReportsClient))))
        {
            throw new InvalidOperationException(
                $"{nameof(MapHeloReportsCollectorWebhook)} hands deliveries to the collector: call services.AddHeloReports(...) and services.AddHeloReportsCollector(...) as well (or map {nameof(MapHeloReportsWebhook)} with a handler).");
        }

        return endpoints.MapPost(pattern, (Microsoft.AspNetCore.Http.RequestDelegate)endpoint.HandleAsync);
    }
}
