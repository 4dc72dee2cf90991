using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Http;

/// <summary>
/// One Debug line per attempt: method, redacted URI, status, elapsed time and attempt number. It sits
/// inside the resilience handler, so every retry is its own line. Headers are never logged, so the
/// API key cannot leak through here; query strings are redacted (<see cref="UriRedaction"/>).
/// </summary>
internal sealed partial class RequestLoggingHandler : DelegatingHandler
{
    /// <summary>The logger category of the SDK's HTTP lines.</summary>
    public const string Category = "HeloData.Reports.Http";

    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("HeloData.Reports.Attempt");

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public RequestLoggingHandler(ILogger logger, TimeProvider timeProvider)
    {
        _logger = logger;
        _timeProvider = timeProvider;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Not logging: no async frame, no boxed attempt count; this sits on every call's path.
        return _logger.IsEnabled(LogLevel.Debug)
            ? SendLoggedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The resilience handler resends the same request message, so the count lives on it.
        var attempt = request.Options.TryGetValue(AttemptKey, out var previous) ? previous + 1 : 1;
        request.Options.Set(AttemptKey, attempt);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Answered(_logger, request.Method, UriRedaction.ForLog(request.RequestUri), (int)response.StatusCode, Elapsed(started), attempt);
            return response;
        }
        catch (Exception exception)
        {
            // The type only: exception messages are not ours to vet for secrets.
            Failed(_logger, request.Method, UriRedaction.ForLog(request.RequestUri), Elapsed(started), attempt, exception.GetType().Name);
            throw;
        }
    }

    private double Elapsed(long started) => _timeProvider.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(EventId = 1, EventName = "HttpAnswered", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Uri} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt})")]
    private static partial void Answered(ILogger logger, HttpMethod method, string uri, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 2, EventName = "HttpFailed", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Uri} failed after {ElapsedMilliseconds:0.0} ms (attempt {Attempt}): {ErrorType}")]
    private static partial void Failed(ILogger logger, HttpMethod method, string uri, double elapsedMilliseconds, int attempt, string errorType);
}
