using System.Net.Http.Headers;
using System.Text.Json;
using HeloData.Reports.Models;
using Polly.Timeout;
using Refit;

namespace HeloData.Reports;

/// <summary>
/// Turns every way a call can fail into a <see cref="ReportsException"/>, so no Refit, Polly or
/// System.Text.Json exception type escapes a public method.
/// </summary>
internal static class ErrorMapper
{
    /// <summary>Maps a non-success response (status, headers and whatever body came with it).</summary>
    /// <param name="operation">How messages name the operation, such as <c>Run report</c>.</param>
    /// <param name="response">The answer.</param>
    /// <param name="idempotent">Whether the request is safe to repeat; when not, the exception says whether the service may have acted.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    public static ReportsException FromErrorResponse(string operation, IApiResponse response, bool idempotent, TimeProvider timeProvider)
    {
        var status = (int)(response.StatusCode ?? 0);
        if (status < 400)
        {
            // A redirect not followed (no Location, or 304) or an informational status: not an answer the contract has.
            return InvalidResponse(operation, response, idempotent, $"the status {status} is not an answer the API gives");
        }

        var body = (response.Error as ApiException)?.Content;
        var detail = TryReadErrorBody(body);
        var code = detail?.Code.ToString() is { Length: > 0 } ? detail.Code : ErrorCodeTable.ForStatus(status);
        var requestId = HeaderValue(response.Headers, IReportsApi.RequestIdHeader) ?? detail?.RequestId;
        var retryAfter = RetryAfter.From(response.Headers, timeProvider);
        var text = string.IsNullOrWhiteSpace(detail?.Message) ? $"HTTP {status} {response.ReasonPhrase}".TrimEnd() : detail!.Message;
        var message = $"{operation} failed: {status} {ValueText.Escape(code.ToString())}: {ValueText.Escape(text)}{Suffix(requestId, retryAfter)}";
        return new ReportsException(message, code, status, requestId, retryAfter, Excerpt(body))
        {
            OutcomeUnknown = !idempotent && !RetrySafety.AnswerProvesNotActed(status, retryAfter.HasValue),
        };
    }

    /// <summary>Maps a success status whose body could not be read as the expected JSON.</summary>
    /// <param name="operation">How messages name the operation.</param>
    /// <param name="response">The answer.</param>
    /// <param name="idempotent">Whether the request is safe to repeat: a request that is not was acted on, with an unknown result.</param>
    /// <param name="cause">The deserialization failure, if any.</param>
    public static ReportsException InvalidResponse(string operation, IApiResponse response, bool idempotent, Exception? cause) =>
        InvalidResponse(operation, response, idempotent, cause is null ? "the body was empty" : "the body was not the expected JSON", Unwrap(cause));

    /// <summary>Maps an answer that does not keep the contract, saying what is wrong with it.</summary>
    /// <param name="operation">How messages name the operation.</param>
    /// <param name="response">The answer.</param>
    /// <param name="idempotent">Whether the request is safe to repeat.</param>
    /// <param name="reason">What is wrong, completing "the response could not be read: …".</param>
    /// <param name="cause">The underlying failure, if any.</param>
    public static ReportsException InvalidResponse(string operation, IApiResponse response, bool idempotent, string reason, Exception? cause = null)
    {
        var status = (int)(response.StatusCode ?? 0);
        var requestId = HeaderValue(response.Headers, IReportsApi.RequestIdHeader);
        return new ReportsException(
            $"{operation} failed: {status} response could not be read: {reason}{Suffix(requestId, null)}",
            ReportsErrorCode.InvalidResponse,
            status,
            requestId,
            innerException: cause)
        {
            // A 2xx means the service acted; only the answer saying how is lost.
            OutcomeUnknown = !idempotent && status is >= 200 and < 300,
        };
    }

    /// <summary>
    /// Maps an exception thrown while sending or reading. Returns <see langword="false"/> for a
    /// cancellation the caller asked for, which must surface as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static bool TryMapException(string operation, Exception exception, CancellationToken cancellationToken, out ReportsException mapped, bool idempotent = true)
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
            JsonException => (ReportsErrorCode.InvalidResponse, "got a response that is not the expected JSON"),
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => (ReportsErrorCode.InvalidResponse, "got an invalid HTTP response"),
            // Refused, no such host, no TLS session: never connected, so not "lost" (and nothing was sent).
            HttpRequestException when RetrySafety.ProvesNotSent(cause) => (ReportsErrorCode.ConnectionFailed, "could not connect, so nothing was sent"),
            HttpRequestException or IOException => (ReportsErrorCode.ConnectionFailed, "lost its connection"),
            _ => (ReportsErrorCode.ConnectionFailed, "failed"),
        };
        mapped = new ReportsException($"{operation} {what} ({cause.GetType().Name}).", code, innerException: cause)
        {
            // Never connected: the request cannot have reached the service.
            OutcomeUnknown = !idempotent && !RetrySafety.ProvesNotSent(cause),
        };
        return true;
    }

    /// <summary>
    /// Whether a failure while reading a success body was the transport's (the connection dropped, the
    /// body ended early, the read was canceled) rather than the body's content.
    /// </summary>
    public static bool IsTransportFailure(Exception exception) =>
        Unwrap(exception) is IOException or HttpRequestException or OperationCanceledException;

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
        (requestId is null ? "" : $" (request {ValueText.Escape(requestId)})")
        + (retryAfter is { } wait ? $" (retry after {wait.TotalSeconds:0.###} s)" : "");
}
