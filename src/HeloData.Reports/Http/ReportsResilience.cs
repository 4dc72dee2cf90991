using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace HeloData.Reports;

/// <summary>
/// The API client's Polly v8 pipeline, outermost first: total timeout → retry → circuit breaker →
/// attempt timeout, built by <c>AddResilienceHandler</c>, which keeps one pipeline per client name (so
/// the circuit breaker's state outlives the factory's handler rotation) and reports every retry through
/// Polly's own telemetry (a Warning in the <c>Polly</c> log category, an event on the <c>Polly</c> meter).
/// </summary>
internal static class ReportsResilience
{
    /// <summary>The name of the pipeline, as it appears in Polly's own telemetry.</summary>
    public const string PipelineName = "HeloData.Reports";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<ReportsClientOptions>>().Value;
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(RetryOptions(options, timeProvider));
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "CircuitBreaker",
            FailureRatio = ReportsClientDefaults.CircuitFailureRatio,
            MinimumThroughput = ReportsClientDefaults.CircuitMinimumThroughput,
            SamplingDuration = ReportsClientDefaults.CircuitSamplingDuration,
            BreakDuration = ReportsClientDefaults.CircuitBreakDuration,

            // Being told to slow down is not the service failing.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    private static HttpRetryStrategyOptions RetryOptions(ReportsClientOptions options, TimeProvider timeProvider) => new()
    {
        Name = "Retry",
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = ReportsClientDefaults.RetryMaxDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),

        // Polly does not cap a generated delay; ShouldRetry has already refused any wait over the cap.
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result?.Headers, timeProvider)),
    };

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ReportsClientOptions options, TimeProvider timeProvider)
    {
        // Checked on every call's outcome, so the common answer (a success) comes first and cheapest.
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested
                && RetrySafety.IsTransientException(exception)
                && (RetrySafety.IsIdempotent(context.GetRequestMessage()) || RetrySafety.ProvesNotSent(exception));
        }

        var response = outcome.Result!;
        if (!ErrorCodeTable.IsTransient((int)response.StatusCode))
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
        && AttemptHandler.StartedAt(context.GetRequestMessage()) is { } started
        && timeProvider.GetElapsedTime(started) + wait >= totalTimeout;
}
