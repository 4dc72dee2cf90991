using Microsoft.Extensions.Logging;

namespace HeloData.Reports;

/// <summary>
/// One Debug line per attempt: method, redacted URI, status, elapsed time and attempt number. It sits
/// inside the resilience handler, so every retry is its own line. Headers are never logged, so the API
/// key cannot leak through here; query strings are redacted (<see cref="ForLog"/>).
/// </summary>
internal sealed partial class RequestLoggingHandler(ILogger logger, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>The logger category of the SDK's HTTP lines.</summary>
    public const string Category = "HeloData.Reports.Http";

    /// <summary>What replaces a logged URI's query string.</summary>
    public const string RedactedQuery = "?[redacted]";

    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("HeloData.Reports.Attempt");

    /// <summary>
    /// Makes a URI safe to log: the query string (a signed download URL's signature, a list cursor) is
    /// replaced by a marker; scheme, host, port and path stay, for diagnosis.
    /// </summary>
    public static string ForLog(Uri? uri)
    {
        if (uri is null)
        {
            return "(no URI)";
        }

        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            var query = text.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? text : text[..query] + RedactedQuery;
        }

        var left = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return string.IsNullOrEmpty(uri.Query) ? left : left + RedactedQuery;
    }

    // Not logging: no async frame and no bookkeeping on the request; this sits on every call's path.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        logger.IsEnabled(LogLevel.Debug) ? SendLoggedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The resilience handler sends the same request message each time, so the count lives on it.
        var attempt = request.Options.TryGetValue(AttemptKey, out var previous) ? previous + 1 : 1;
        request.Options.Set(AttemptKey, attempt);
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Answered(logger, request.Method, ForLog(request.RequestUri), (int)response.StatusCode, Elapsed(started), attempt);
            return response;
        }
        catch (Exception exception)
        {
            // The type only: exception messages are not ours to vet for secrets.
            Failed(logger, request.Method, ForLog(request.RequestUri), Elapsed(started), attempt, exception.GetType().Name);
            throw;
        }
    }

    private double Elapsed(long started) => timeProvider.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(EventId = 1, EventName = "HttpAnswered", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Uri} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt})")]
    private static partial void Answered(ILogger logger, HttpMethod method, string uri, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 2, EventName = "HttpFailed", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Uri} failed after {ElapsedMilliseconds:0.0} ms (attempt {Attempt}): {ErrorType}")]
    private static partial void Failed(ILogger logger, HttpMethod method, string uri, double elapsedMilliseconds, int attempt, string errorType);
}
