using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The one exception type every public method of the SDK throws for a failed call: an error answer
/// from the API, a transport failure or timeout, or a response that could not be read. Argument
/// errors are <see cref="ArgumentException"/>s instead, thrown before anything is sent.
/// </summary>
/// <remarks>
/// <para>
/// Switch on <see cref="ErrorCode"/>: it is the API's <c>error.code</c> when the body had one, the code
/// the contract assigns to the HTTP status when it did not (an HTML page from a proxy, an empty body),
/// or one of the SDK-defined codes (<see cref="ReportsErrorCode.Timeout"/>,
/// <see cref="ReportsErrorCode.ConnectionFailed"/>,
/// <see cref="ReportsErrorCode.InvalidResponse"/>, …) when there was no usable response. The API key is
/// never part of the message, <see cref="ResponseExcerpt"/> or <see cref="Exception.ToString"/>.
/// </para>
/// <para>
/// Before retrying a failed call, read <see cref="IsTransient"/>, <see cref="OutcomeUnknown"/> and
/// <see cref="RunId"/>: a create or a run whose answer was lost may already have happened, and a run
/// that <c>RunReportAndWaitAsync</c> started goes on after the wait failed.
/// </para>
/// </remarks>
public class ReportsException : Exception
{
    /// <summary>Creates the exception; mostly for the SDK itself and for application tests (a mocked client's failure).</summary>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="errorCode">What went wrong, for code.</param>
    /// <param name="status">The HTTP status, or 0 when no response was received.</param>
    /// <param name="requestId">The service's request id, if known.</param>
    /// <param name="retryAfter">How long the service asked to wait before retrying, if it said.</param>
    /// <param name="responseExcerpt">The start of the response body, if any.</param>
    /// <param name="runId">The run this failure concerns, if one is known (see <see cref="RunId"/>).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    /// <remarks>Every property is set here (or, for <see cref="OutcomeUnknown"/>, by its initializer) and never changes after.</remarks>
    public ReportsException(
        string message,
        ReportsErrorCode errorCode,
        int status = 0,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseExcerpt = null,
        string? runId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        Status = status;
        RequestId = requestId;
        RetryAfter = retryAfter;
        ResponseExcerpt = responseExcerpt;
        RunId = runId;
    }

    /// <summary>The machine-readable error code.</summary>
    public ReportsErrorCode ErrorCode { get; }

    /// <summary>The HTTP status of the error response, or 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>The service's request id (<c>X-Request-Id</c>, or the error body's <c>request_id</c>); quote it to HeloData support.</summary>
    public string? RequestId { get; }

    /// <summary>The wait the service asked for in <c>Retry-After</c> (seconds or an HTTP date), if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The start of the response body (at most 1,024 characters), for diagnostics.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>The most characters of a response body kept in <see cref="ResponseExcerpt"/>.</summary>
    internal const int MaxExcerptLength = 1024;

    /// <summary>
    /// Whether the service may already have acted on a request that is not safe to repeat (creating a
    /// report, running one), although the call failed: its answer was lost (a timeout, a dropped
    /// connection), was a <c>5xx</c> that does not prove otherwise, or could not be read.
    /// </summary>
    /// <remarks>
    /// Calling again may then create a second report or start a second run. Look first: list the
    /// reports, or the list's <c>recent_runs</c>, for the one this call may have made. Only a
    /// <c>429</c>, a <c>503</c> with <c>Retry-After</c>, an error answer such as <c>422</c>, or a
    /// connection that was never made proves the service did not act. Always <see langword="false"/>
    /// for reads, updates and deletes, which are safe to repeat.
    /// </remarks>
    public bool OutcomeUnknown { get; init; }

    /// <summary>
    /// The run this failure concerns, when a run is known: the run being waited for, or the run
    /// <c>RunReportAndWaitAsync</c> started before its wait failed, or the run being downloaded. A run
    /// waited for goes on on the service: resume with <c>WaitForCompletionAsync(RunId)</c> rather than
    /// starting another.
    /// </summary>
    public string? RunId { get; }

    /// <summary>
    /// Whether making the same call again later may succeed and is safe: rate limits, timeouts,
    /// connection failures, <c>5xx</c> answers and a download cut short. The SDK has
    /// already retried where that was safe.
    /// </summary>
    /// <remarks>
    /// Read from what the exception says, never from hidden state: <see langword="true"/> when
    /// <see cref="Status"/> is <c>408</c>, <c>429</c> or <c>5xx</c>, or <see cref="ErrorCode"/> is
    /// <see cref="ReportsErrorCode.Timeout"/>, <see cref="ReportsErrorCode.ConnectionFailed"/> or
    /// <see cref="ReportsErrorCode.DownloadIncomplete"/>; but <see langword="false"/> whenever repeating the
    /// call could do something twice or cannot help: when <see cref="OutcomeUnknown"/> is
    /// <see langword="true"/>, for a <see cref="ReportRunFailedException"/> (the run has ended), and for a
    /// <see cref="ReportRunTimeoutException"/> whose <see cref="ReportRunTimeoutException.RunStartedByCall"/>
    /// is set: calling <c>RunReportAndWaitAsync</c> again would start a second run, so wait for
    /// <see cref="RunId"/> instead. A timeout of <c>WaitForCompletionAsync</c> is transient: waiting again is safe.
    /// </remarks>
    public bool IsTransient =>
        !OutcomeUnknown
        && this is not (ReportRunTimeoutException { RunStartedByCall: true } or ReportRunFailedException)
        && (ErrorCodeTable.IsTransient(Status)
            || ErrorCode == ReportsErrorCode.Timeout
            || ErrorCode == ReportsErrorCode.ConnectionFailed
            || ErrorCode == ReportsErrorCode.DownloadIncomplete);
}
