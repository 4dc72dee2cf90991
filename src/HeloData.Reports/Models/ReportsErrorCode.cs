using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A machine-readable error code from the API's error body or a failed run's <c>error</c>.
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportsErrorCode>))]
[ExtensibleEnum("an error code")]
public readonly partial struct ReportsErrorCode
{
    /// <summary>The request was malformed; HTTP 400 (assumed) (<c>bad_request</c>).</summary>
    public static ReportsErrorCode BadRequest { get; } = new("bad_request");

    /// <summary>The API key is missing or wrong; HTTP 401 (assumed) (<c>unauthorized</c>).</summary>
    public static ReportsErrorCode Unauthorized { get; } = new("unauthorized");

    /// <summary>Reports are a Pro+ feature and the plan is below it; HTTP 403 (documented) (<c>feature_not_in_plan</c>).</summary>
    public static ReportsErrorCode FeatureNotInPlan { get; } = new("feature_not_in_plan");

    /// <summary>No such report or run, or the run is past retention; HTTP 404 (assumed) (<c>not_found</c>).</summary>
    public static ReportsErrorCode NotFound { get; } = new("not_found");

    /// <summary>The schedule is not a valid cron expression; HTTP 422 (documented) (<c>invalid_cron</c>).</summary>
    public static ReportsErrorCode InvalidCron { get; } = new("invalid_cron");

    /// <summary>The webhook URL failed pre-flight; HTTP 422 (documented) (<c>destination_unreachable</c>).</summary>
    public static ReportsErrorCode DestinationUnreachable { get; } = new("destination_unreachable");

    /// <summary>Another field is invalid; HTTP 422 (assumed) (<c>validation_failed</c>).</summary>
    public static ReportsErrorCode ValidationFailed { get; } = new("validation_failed");

    /// <summary>Too many requests; honour <c>Retry-After</c>; HTTP 429 (assumed) (<c>rate_limited</c>).</summary>
    public static ReportsErrorCode RateLimited { get; } = new("rate_limited");

    /// <summary>The service failed; HTTP 5xx (assumed) (<c>internal_error</c>).</summary>
    public static ReportsErrorCode InternalError { get; } = new("internal_error");

    /// <summary>
    /// SDK-defined, never sent by the service: no response came in time (attempt or total timeout,
    /// or HTTP 408 after every retry).
    /// </summary>
    public static ReportsErrorCode Timeout { get; } = new("timeout");

    /// <summary>SDK-defined, never sent by the service: the connection failed or dropped before a response.</summary>
    public static ReportsErrorCode ConnectionFailed { get; } = new("connection_failed");

    /// <summary>
    /// SDK-defined, never sent by the service: a <c>403</c> that did not say why in the API's error body
    /// (an HTML page or nothing, typically from a proxy or firewall in front of the API). A <c>403</c>
    /// whose body says <c>feature_not_in_plan</c> keeps that code.
    /// </summary>
    public static ReportsErrorCode Forbidden { get; } = new("forbidden");

    /// <summary>
    /// SDK-defined, never sent by the service: an answer that breaks the contract: a success whose body
    /// is missing, cut short, not the expected JSON or without a required member (such as a run's
    /// <c>run_id</c> or <c>status</c>), or a status the API does not give (an unfollowed redirect).
    /// </summary>
    public static ReportsErrorCode InvalidResponse { get; } = new("invalid_response");

    /// <summary>SDK-defined, never sent by the service: a download was asked of a run that has not completed.</summary>
    public static ReportsErrorCode RunNotCompleted { get; } = new("run_not_completed");

    /// <summary>
    /// SDK-defined, never sent by the service: the run completed without a download URL, because its
    /// artifact was pushed to the report's destination; there is nothing to download.
    /// </summary>
    public static ReportsErrorCode NoDownloadUrl { get; } = new("no_download_url");

    /// <summary>SDK-defined, never sent by the service: the download host still refused the URL after it was refreshed once.</summary>
    public static ReportsErrorCode DownloadUrlExpired { get; } = new("download_url_expired");

    /// <summary>SDK-defined, never sent by the service: the artifact's body ended before all of it arrived.</summary>
    public static ReportsErrorCode DownloadIncomplete { get; } = new("download_incomplete");
}
