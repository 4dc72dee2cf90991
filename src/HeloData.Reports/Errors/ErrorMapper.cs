using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HeloData.Reports.Http;
using HeloData.Reports.Models;
using HeloData.Reports.Serialization;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace HeloData.Reports.Errors;

/// <summary>
/// Turns every way a call can fail into a <see cref="ReportsException"/>, so no Refit, Polly or
/// System.Text.Json exception type escapes a public method.
/// </summary>
internal static class ErrorMapper
{
    /// <summary>Wire assumption: the header that carries the service's request id.</summary>
    internal const string RequestIdHeader = "X-Request-Id";

    /// <summary>Maps a non-success response (status, headers and whatever body came with it).</summary>
    public static ReportsException FromErrorResponse(string operation, IApiResponse response, TimeProvider timeProvider)
    {
        var status = (int)(response.StatusCode ?? 0);
        var body = (response.Error as ApiException)?.Content;
        var detail = TryReadErrorBody(body);
        var code = detail?.Code.ToString() is { Length: > 0 } ? detail.Code : ErrorCodeTable.ForStatus(status);
        var requestId = HeaderValue(response.Headers, RequestIdHeader) ?? detail?.RequestId;
        var retryAfter = RetryAfter.From(response.Headers, timeProvider);
        var text = string.IsNullOrWhiteSpace(detail?.Message) ? $"HTTP {status} {response.ReasonPhrase}".TrimEnd() : detail!.Message;
        var message = $"{operation} failed: {status} {code}: {text}{Suffix(requestId, retryAfter)}";
        return new ReportsException(message, code, status, requestId, retryAfter, Excerpt(body));
    }

    /// <summary>Maps a success status whose body could not be read as the expected JSON.</summary>
    public static ReportsException InvalidResponse(string operation, IApiResponse response, Exception? cause)
    {
        var status = (int)(response.StatusCode ?? 0);
        var requestId = HeaderValue(response.Headers, RequestIdHeader);
        var reason = cause is null ? "the body was empty" : "the body was not the expected JSON";
        return new ReportsException(
            $"{operation} failed: {status} response could not be read: {reason}{Suffix(requestId, null)}",
            ReportsErrorCode.InvalidResponse,
            status,
            requestId,
            innerException: Unwrap(cause));
    }

    /// <summary>
    /// Maps an exception thrown while sending or reading. Returns <see langword="false"/> for a
    /// cancellation the caller asked for, which must surface as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static bool TryMapException(string operation, Exception exception, CancellationToken cancellationToken, out ReportsException mapped)
    {
        var cause = Unwrap(exception);
        if (cancellationToken.IsCancellationRequested && cause is OperationCanceledException)
        {
            mapped = null!;
            return false;
        }

        if (cause is ReportsException already)
        {
            mapped = already;
            return true;
        }

        var (code, what) = cause switch
        {
            TimeoutRejectedException or TimeoutException or OperationCanceledException => (ReportsErrorCode.Timeout, "timed out"),
            BrokenCircuitException => (ReportsErrorCode.CircuitOpen, "was not sent: recent calls kept failing, so the circuit is open"),
            JsonException => (ReportsErrorCode.InvalidResponse, "got a response that is not the expected JSON"),
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => (ReportsErrorCode.InvalidResponse, "got an invalid HTTP response"),
            HttpRequestException or IOException => (ReportsErrorCode.ConnectionFailed, "lost its connection"),
            _ => (ReportsErrorCode.ConnectionFailed, "failed"),
        };
        var retryAfter = (cause as BrokenCircuitException)?.RetryAfter;
        mapped = new ReportsException($"{operation} {what} ({cause.GetType().Name}).", code, retryAfter: retryAfter, innerException: cause);
        return true;
    }

    // Refit wraps transport and deserialization failures; the cause is what the caller can act on.
    private static Exception Unwrap(Exception? exception)
    {
        var current = exception!;
        while (current is ApiExceptionBase && current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }

    private static ApiErrorDetail? TryReadErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ReportsJsonContext.Default.ApiErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null; // HTML from a proxy, or a cut-off body: the status decides the code.
        }
    }

    private static string? HeaderValue(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? Excerpt(string? body) =>
        string.IsNullOrEmpty(body) ? null
        : body.Length <= ReportsException.MaxExcerptLength ? body
        : body[..ReportsException.MaxExcerptLength];

    private static string Suffix(string? requestId, TimeSpan? retryAfter) =>
        (requestId is null ? "" : $" (request {requestId})")
        + (retryAfter is { } wait ? $" (retry after {wait.TotalSeconds:0.###} s)" : "");
}
