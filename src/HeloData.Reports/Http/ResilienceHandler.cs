using Polly;

namespace HeloData.Reports;

/// <summary>
/// Runs each API request through the container's one resilience pipeline (<see cref="ReportsResilience"/>),
/// and does what each attempt needs: it stamps when the call started, sends every retry to the original
/// URI (the network layer rewrites it when it follows a redirect), and answers a retried
/// <c>DELETE</c>'s <c>404</c> as the success it is (<see cref="RetrySafety.SettleRetry"/>). Every handler
/// after it runs once per attempt.
/// </summary>
/// <remarks>
/// The SDK's own handler rather than Microsoft.Extensions.Http.Resilience's <c>AddResilienceHandler</c>,
/// for a measured reason (docs/benchmarks.md, P1): that registration also runs Polly's telemetry on every
/// execution and builds its pipeline on the first call, against the per-call and cold-start targets.
/// The pipeline itself is the same Polly one; the bookkeeping lives on its pooled context, so an
/// attempt allocates nothing of its own.
/// </remarks>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>When the call started (<see cref="TimeProvider.GetTimestamp"/>), for the retry predicate.</summary>
    internal static readonly ResiliencePropertyKey<long> StartedKey = new("HeloData.Reports.Started");

    /// <summary>The request an execution is for: the retry predicate needs its method.</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("HeloData.Reports.Request");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(StartedKey, timeProvider.GetTimestamp());
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(SendAttemptAsync, context, new Attempt(this, request, request.RequestUri)).ConfigureAwait(false);
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
        attempt.Request.RequestUri = attempt.OriginalUri;
        var retry = context.Properties.TryGetValue(RetriedKey, out _);
        try
        {
            var response = await attempt.Handler.SendInnerAsync(attempt.Request, context.CancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(retry ? RetrySafety.SettleRetry(attempt.Request, response) : response);
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    /// <summary>Set by the retry strategy before a retry, so an ordinary call stores (and boxes) nothing for it.</summary>
    internal static readonly ResiliencePropertyKey<bool> RetriedKey = new("HeloData.Reports.Retried");

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private readonly record struct Attempt(ResilienceHandler Handler, HttpRequestMessage Request, Uri? OriginalUri);
}
