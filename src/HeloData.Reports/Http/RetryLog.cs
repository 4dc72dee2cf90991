using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HeloData.Reports.Http;

/// <summary>
/// One Warning line per retry, in the category of the per-attempt lines
/// (<see cref="RequestLoggingHandler.Category"/>): a retry is worth seeing at default log levels even
/// when the Debug lines are off. Like those lines it names a status or an exception type, never a
/// message or a header, and redacts query strings.
/// </summary>
internal static partial class RetryLog
{
    public static ValueTask OnRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        if (logger.IsEnabled(LogLevel.Warning) && args.Context.GetRequestMessage() is { } request)
        {
            Retrying(logger, request.Method, UriRedaction.ForLog(request.RequestUri), args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
        }

        return default;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timed out",
        { Exception: { } exception } => $"failed with {exception.GetType().Name}",
        { Result: { } response } => $"answered {(int)response.StatusCode}",
        _ => "ended without an answer",
    };

    [LoggerMessage(EventId = 3, EventName = "HttpRetrying", Level = LogLevel.Warning,
        Message = "HTTP {Method} {Uri} attempt {Attempt} {Outcome}; retrying in {DelayMilliseconds:0} ms")]
    private static partial void Retrying(ILogger logger, HttpMethod method, string uri, int attempt, string outcome, double delayMilliseconds);
}
