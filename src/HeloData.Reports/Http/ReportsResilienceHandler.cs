using Polly;

namespace HeloData.Reports.Http;

/// <summary>
/// Sends each request through the SDK's Polly pipeline (<see cref="ReportsResilience"/>): every
/// handler inside this one runs once per attempt.
/// </summary>
/// <remarks>
/// The SDK's own handler rather than Microsoft.Extensions.Http.Resilience's <c>AddResilienceHandler</c>,
/// for the per-call cost on the polling path: that registration also wires Polly's telemetry
/// (a timed, enriched event per execution, measured at about 0.6 µs a call with nobody listening) and
/// stores the context on every request's options. The SDK's own spans and metrics already cover each
/// operation. The pipeline is built once per client (<see cref="ReportsPipeline"/>), so the circuit
/// breaker's state outlives the factory's handler rotation.
/// </remarks>
internal sealed class ReportsResilienceHandler : DelegatingHandler
{
    private readonly ReportsPipeline _pipeline;

    public ReportsResilienceHandler(ReportsPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        context.Properties.Set(ReportsResilience.StartedKey, _pipeline.TimeProvider.GetTimestamp());
        try
        {
            var outcome = await _pipeline.Pipeline
                .ExecuteOutcomeAsync(SendAttemptAsync, context, new Attempt(this, request, request.RequestUri))
                .ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Polly expects the callback to return failures as outcomes, not to throw them.
    private static async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(ResilienceContext context, Attempt attempt)
    {
        // The network layer rewrites the URI when it follows a redirect: every attempt starts again
        // from the original one, so a retry goes back to the API host (and gets the key there only).
        attempt.Request.RequestUri = attempt.OriginalUri;
        context.Properties.TryGetValue(AttemptsKey, out var earlier);
        context.Properties.Set(AttemptsKey, earlier + 1);
        try
        {
            var response = await attempt.Handler.SendInnerAsync(attempt.Request, context.CancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(earlier > 0 ? RetrySafety.SettleRetry(attempt.Request, response) : response);
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private static readonly ResiliencePropertyKey<int> AttemptsKey = new("HeloData.Reports.Attempts");

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private readonly record struct Attempt(ReportsResilienceHandler Handler, HttpRequestMessage Request, Uri? OriginalUri);
}
