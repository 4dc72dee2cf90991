using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HeloData.Reports.Http;

/// <summary>
/// The transport's Polly v8 pipeline, outermost first: total timeout → retry → circuit breaker →
/// attempt timeout. Shared by the DI registration and the standalone client, so both behave alike.
/// </summary>
internal static class ReportsResilience
{
    public const string PipelineName = "HeloData.Reports";

    public static ResiliencePipeline<HttpResponseMessage> Build(HeloReportsOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, timeProvider);
        return builder.Build();
    }

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, HeloReportsOptions options, TimeProvider timeProvider)
    {
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RetryOptions(options, timeProvider));
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "CircuitBreaker",
            FailureRatio = HeloReportsDefaults.CircuitFailureRatio,
            MinimumThroughput = HeloReportsDefaults.CircuitMinimumThroughput,
            SamplingDuration = HeloReportsDefaults.CircuitSamplingDuration,
            BreakDuration = HeloReportsDefaults.CircuitBreakDuration,

            // Being told to slow down is not the service failing.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    private static HttpRetryStrategyOptions RetryOptions(HeloReportsOptions options, TimeProvider timeProvider) => new()
    {
        Name = "Retry",
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = HeloReportsDefaults.RetryMaxDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.MaxRetryAfter, timeProvider)),

        // Polly does not cap a generated delay; ShouldRetry has already refused any wait over the cap.
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result?.Headers, timeProvider)),
    };

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        var request = context.GetRequestMessage();
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested
                && RetrySafety.IsTransientException(exception)
                && (RetrySafety.IsIdempotent(request) || RetrySafety.ProvesNotSent(exception));
        }

        var response = outcome.Result!;
        if (!RetrySafety.IsTransientStatus(response.StatusCode))
        {
            return false;
        }

        var retryAfter = RetryAfter.From(response.Headers, timeProvider);
        if (retryAfter > maxRetryAfter)
        {
            return false; // Fail at once: the caller gets the status and the requested wait.
        }

        return RetrySafety.IsIdempotent(request) || RetrySafety.ProvesNotActed(response.StatusCode, retryAfter.HasValue);
    }
}
