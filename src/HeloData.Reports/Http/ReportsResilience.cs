using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace HeloData.Reports.Http;

/// <summary>
/// The transport's Polly v8 pipeline, outermost first: total timeout → retry → circuit breaker →
/// attempt timeout. Built once per client (DI or standalone alike) and run by
/// <see cref="ReportsResilienceHandler"/>.
/// </summary>
internal static class ReportsResilience
{
    /// <summary>When the call entered the pipeline (<see cref="TimeProvider.GetTimestamp"/>), set by <see cref="ReportsResilienceHandler"/>.</summary>
    internal static readonly ResiliencePropertyKey<long> StartedKey = new("HeloData.Reports.Started");

    public static ReportsPipeline Build(HeloReportsOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RetryOptions(options, timeProvider, logger));
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
        return new ReportsPipeline(builder.Build(), timeProvider);
    }

    private static HttpRetryStrategyOptions RetryOptions(HeloReportsOptions options, TimeProvider timeProvider, ILogger logger) => new()
    {
        Name = "Retry",
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = HeloReportsDefaults.RetryMaxDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),

        // Polly does not cap a generated delay; ShouldRetry has already refused any wait over the cap.
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result?.Headers, timeProvider)),
        OnRetry = args => RetryTelemetry.OnRetry(logger, args),
    };

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, HeloReportsOptions options, TimeProvider timeProvider)
    {
        // Checked on every call's outcome, so the common answer (a success) comes first and cheapest.
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested
                && RetrySafety.IsTransientException(exception)
                && (RetrySafety.IsIdempotent(context.GetRequestMessage()) || RetrySafety.ProvesNotSent(exception));
        }

        var response = outcome.Result!;
        if (!RetrySafety.IsTransientStatus(response.StatusCode))
        {
            return false;
        }

        var retryAfter = RetryAfter.From(response.Headers, timeProvider);
        if (retryAfter > options.MaxRetryAfter || OutlastsTotalTimeout(retryAfter, context, options.TotalTimeout, timeProvider))
        {
            return false; // Fail at once: the caller gets the status and the requested wait.
        }

        return RetrySafety.IsIdempotent(context.GetRequestMessage()) || RetrySafety.ProvesNotActed(response.StatusCode, retryAfter.HasValue);
    }

    // Waiting out a Retry-After the total timeout would cut short only ends in "timeout", with the
    // service's answer and its requested wait lost: better to hand them to the caller now.
    private static bool OutlastsTotalTimeout(TimeSpan? retryAfter, ResilienceContext context, TimeSpan totalTimeout, TimeProvider timeProvider) =>
        retryAfter is { } wait
        && context.Properties.TryGetValue(StartedKey, out var started)
        && timeProvider.GetElapsedTime(started) + wait >= totalTimeout;
}
