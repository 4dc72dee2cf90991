using HeloData.Reports.AspNetCore;
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
}
