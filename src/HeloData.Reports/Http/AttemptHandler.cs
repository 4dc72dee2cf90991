using Microsoft.Extensions.Logging;

namespace HeloData.Reports;

/// <summary>
/// What each attempt of a request needs, inside the resilience handler (so once per attempt), for the
/// API client and the download client alike: it stamps when the call started, sends every retry to the
/// original URI (the network layer rewrites it when it follows a redirect), answers a retried
/// <c>DELETE</c>'s <c>404</c> as the success it is (<see cref="RetrySafety.SettleRetry"/>), and writes one
/// Debug line per attempt. Headers are never logged, so the API key cannot leak through here; query
/// strings are redacted (<see cref="UriRedaction"/>).
/// </summary>
internal sealed partial class AttemptHandler(ILogger logger, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>The logger category of the SDK's HTTP lines.</summary>
    public const string Category = "HeloData.Reports.Http";

    private static readonly HttpRequestOptionsKey<Attempts> AttemptsKey = new("HeloData.Reports.Attempts");

    /// <summary>When the call entered the first attempt (<see cref="TimeProvider.GetTimestamp"/>), or <see langword="null"/> before it did.</summary>
    public static long? StartedAt(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AttemptsKey, out var attempts) ? attempts.Started : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptsKey, out var attempts))
        {
            request.RequestUri = attempts.OriginalUri;
        }
        else
        {
            attempts = new Attempts(request.RequestUri, timeProvider.GetTimestamp());
            request.Options.Set(AttemptsKey, attempts);
        }

        var attempt = ++attempts.Count;
        var logged = logger.IsEnabled(LogLevel.Debug);
        var started = logged ? timeProvider.GetTimestamp() : 0;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (logged)
        {
            // The type only: exception messages are not ours to vet for secrets.
            Failed(logger, request.Method, UriRedaction.ForLog(request.RequestUri), Elapsed(started), attempt, exception.GetType().Name);
            throw;
        }

        if (logged)
        {
            Answered(logger, request.Method, UriRedaction.ForLog(request.RequestUri), (int)response.StatusCode, Elapsed(started), attempt);
        }

        return attempt > 1 ? RetrySafety.SettleRetry(request, response) : response;
    }

    private double Elapsed(long started) => timeProvider.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(EventId = 1, EventName = "HttpAnswered", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Uri} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt})")]
    private static partial void Answered(ILogger logger, HttpMethod method, string uri, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 2, EventName = "HttpFailed", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Uri} failed after {ElapsedMilliseconds:0.0} ms (attempt {Attempt}): {ErrorType}")]
    private static partial void Failed(ILogger logger, HttpMethod method, string uri, double elapsedMilliseconds, int attempt, string errorType);

    /// <summary>One request's attempts: the resilience handler sends the same message each time, so the count lives on it.</summary>
    private sealed class Attempts(Uri? originalUri, long started)
    {
        public Uri? OriginalUri { get; } = originalUri;

        public long Started { get; } = started;

        public int Count { get; set; }
    }
}
