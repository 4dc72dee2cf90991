using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HeloData.Reports;

/// <summary>
/// The API client's Polly v8 pipeline, outermost first: total timeout → retry → attempt timeout. Built
/// once per container (a singleton) and run around each request by <see cref="ResilienceHandler"/>.
/// </summary>
/// <remarks>
/// No circuit breaker: a client making a handful of calls a minute already backs off on every failing
/// call and honours <c>Retry-After</c>; a breaker's only effect there was to turn failures into another
/// error for 15 s, at a measured cost (docs/benchmarks.md, P1) on every call and at start-up.
/// </remarks>
internal static partial class ReportsResilience
{
    /// <summary>
    /// The request option that turns the pipeline's retries off for one request when <see langword="false"/>:
    /// a poll inside a wait, whose own schedule is the retry (retrying each poll too only multiplies the
    /// requests and warnings while the service is down). The timeouts still apply.
    /// </summary>
    public const string RetryOptionName = "HeloData.Reports.Retry";

    private static readonly HttpRequestOptionsKey<bool> RetryOption = new(RetryOptionName);

    public static ResiliencePipeline<HttpResponseMessage> Build(ReportsClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = ReportsClientDefaults.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),

                // Polly does not cap a generated delay; ShouldRetry has already refused any wait over the cap.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result?.Headers, timeProvider)),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(ResilienceHandler.RetriedKey, true);
                    LogRetry(logger, args.Context.Properties.GetValue(ResilienceHandler.RequestKey, null!), args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ReportsClientOptions options, TimeProvider timeProvider)
    {
        var request = context.Properties.GetValue(ResilienceHandler.RequestKey, null!);

        // Checked on every call's outcome, so the common answer (a success) comes first and cheapest.
        if (outcome.Exception is { } exception)
        {
            return !context.CancellationToken.IsCancellationRequested
                && RetrySafety.IsTransientException(exception)
                && (RetrySafety.IsIdempotent(request) || RetrySafety.ProvesNotSent(exception))
                && MayRetry(request);
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

        return (RetrySafety.IsIdempotent(request) || RetrySafety.ProvesNotActed(response.StatusCode, retryAfter.HasValue))
            && MayRetry(request);
    }

    // Asked only once an outcome would be retried, so a successful call never looks it up.
    private static bool MayRetry(HttpRequestMessage? request) =>
        request is null || !request.Options.TryGetValue(RetryOption, out var retry) || retry;

    // Waiting out a Retry-After the total timeout would cut short only ends in "timeout", with the
    // service's answer and its requested wait lost: better to hand them to the caller now.
    private static bool OutlastsTotalTimeout(TimeSpan? retryAfter, ResilienceContext context, TimeSpan totalTimeout, TimeProvider timeProvider) =>
        retryAfter is { } wait
        && context.Properties.TryGetValue(ResilienceHandler.StartedKey, out var started)
        && timeProvider.GetElapsedTime(started) + wait >= totalTimeout;

    // A retry is worth seeing at default log levels even when the per-attempt Debug lines are off. Like
    // those lines it names a status or an exception type, never a message or a header.
    private static void LogRetry(ILogger logger, HttpRequestMessage? request, int attempt, Outcome<HttpResponseMessage> outcome, TimeSpan delay)
    {
        if (logger.IsEnabled(LogLevel.Warning) && request is not null)
        {
            var what = outcome switch
            {
                { Exception: TimeoutRejectedException } => "timed out",
                { Exception: { } exception } => $"failed with {exception.GetType().Name}",
                { Result: { } response } => $"answered {(int)response.StatusCode}",
                _ => "ended without an answer",
            };
            Retrying(logger, request.Method, RequestLoggingHandler.ForLog(request.RequestUri), attempt, what, delay.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 3, EventName = "HttpRetrying", Level = LogLevel.Warning,
        Message = "HTTP {Method} {Uri} attempt {Attempt} {Outcome}; retrying in {DelayMilliseconds:0} ms")]
    private static partial void Retrying(ILogger logger, HttpMethod method, string uri, int attempt, string outcome, double delayMilliseconds);
}
