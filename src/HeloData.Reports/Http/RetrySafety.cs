using System.Net;
using Polly.Timeout;

namespace HeloData.Reports;

/// <summary>
/// Wire assumption, in one place: which failures may be retried for which requests.
/// <c>GET</c>, <c>PATCH</c> and <c>DELETE</c> are idempotent. The two <c>POST</c>s (create a report,
/// run a report) are not: a retry after the service may have acted creates a second report or run,
/// so they are retried only where the failure proves the service did not act.
/// </summary>
internal static class RetrySafety
{
    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Method != HttpMethod.Post;

    /// <summary>A transport failure worth retrying at all: a failed request, or an attempt that timed out.</summary>
    public static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException;

    /// <summary>
    /// An answer proving the service did not act on the request: <c>429</c>, or <c>503</c> with
    /// <c>Retry-After</c>. A <c>500</c> or a plain <c>503</c> proves nothing.
    /// </summary>
    public static bool ProvesNotActed(HttpStatusCode status, bool hasRetryAfter) =>
        status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.ServiceUnavailable && hasRetryAfter);

    /// <summary>
    /// An error answer proving the service did not act: one that <see cref="ProvesNotActed"/>, or any
    /// other <c>4xx</c> but <c>408</c> (the request was judged and refused, by the service or by
    /// something in front of it). A <c>408</c> or a <c>5xx</c> leaves the outcome unknown.
    /// </summary>
    public static bool AnswerProvesNotActed(int status, bool hasRetryAfter) =>
        ProvesNotActed((HttpStatusCode)status, hasRetryAfter) || (status is >= 400 and < 500 && status != (int)HttpStatusCode.RequestTimeout);

    /// <summary>
    /// A transport failure proving the request never reached the service: the connection could not
    /// be made at all. A timeout or a connection dropped after sending proves nothing.
    /// </summary>
    public static bool ProvesNotSent(Exception exception) =>
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        };

    /// <summary>
    /// Reads a retry's answer in the light of the attempts before it. A <c>404</c> to a retried
    /// <c>DELETE</c> means the report is gone, most likely because an earlier attempt deleted it before
    /// its answer was lost: the delete succeeded, so it is answered as the <c>204</c> the service gives.
    /// </summary>
    public static HttpResponseMessage SettleRetry(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (request.Method != HttpMethod.Delete || response.StatusCode != HttpStatusCode.NotFound)
        {
            return response;
        }

        var deleted = new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request, Version = response.Version };
        foreach (var (name, values) in response.Headers)
        {
            deleted.Headers.TryAddWithoutValidation(name, values);
        }

        response.Dispose();
        return deleted;
    }
}
