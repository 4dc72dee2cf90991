using HeloData.Reports.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HeloData.Reports.Http;

/// <summary>
/// What a retry leaves behind: one count of <see cref="HeloReportsTelemetry.RetriesInstrumentName"/> and
/// one Warning line in the category of the per-attempt lines (<see cref="RequestLoggingHandler.Category"/>),
/// since a retry is worth seeing at default log levels even when the Debug lines are off. Like those lines
/// it names a status or an exception type, never a message or a header, and redacts query strings.
/// </summary>
internal static partial class RetryTelemetry
{
    public static ValueTask OnRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        if (args.Context.GetRequestMessage() is not { } request)
        {
            return default;
        }

        ReportsInstrumentation.RecordRetry(request.Method, Reason(args.Outcome));
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Retrying(logger, request.Method, UriRedaction.ForLog(request.RequestUri), args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
        }

        return default;
    }

    // The metric's error.type: low-cardinality, as OpenTelemetry's HTTP conventions have it.
    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: { } exception } => exception.GetType().FullName ?? nameof(Exception),
        { Result: { } response } => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "unknown",
    };

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
