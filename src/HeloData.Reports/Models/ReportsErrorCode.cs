using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A machine-readable error code from the API's error body or a failed run's <c>error</c>.
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged. For a <c>switch</c>, the
/// wire values are constants in <see cref="Values"/>.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportsErrorCode>))]
[ExtensibleEnum("an error code")]
public readonly partial struct ReportsErrorCode
{
    /// <summary>The request was malformed; HTTP 400 (assumed) (<c>bad_request</c>).</summary>
    public static ReportsErrorCode BadRequest { get; } = new(Values.BadRequest);

    /// <summary>The API key is missing or wrong; HTTP 401 (assumed) (<c>unauthorized</c>).</summary>
    public static ReportsErrorCode Unauthorized { get; } = new(Values.Unauthorized);

    /// <summary>Reports are a Pro+ feature and the plan is below it; HTTP 403 (documented) (<c>feature_not_in_plan</c>).</summary>
    public static ReportsErrorCode FeatureNotInPlan { get; } = new(Values.FeatureNotInPlan);

    /// <summary>No such report or run, or the run is past retention; HTTP 404 (assumed) (<c>not_found</c>).</summary>
    public static ReportsErrorCode NotFound { get; } = new(Values.NotFound);

    /// <summary>The schedule is not a valid cron expression; HTTP 422 (documented) (<c>invalid_cron</c>).</summary>
    public static ReportsErrorCode InvalidCron { get; } = new(Values.InvalidCron);

    /// <summary>The webhook URL failed pre-flight; HTTP 422 (documented) (<c>destination_unreachable</c>).</summary>
    public static ReportsErrorCode DestinationUnreachable { get; } = new(Values.DestinationUnreachable);

    /// <summary>Another field is invalid; HTTP 422 (assumed) (<c>validation_failed</c>).</summary>
    public static ReportsErrorCode ValidationFailed { get; } = new(Values.ValidationFailed);

    /// <summary>Too many requests; honour <c>Retry-After</c>; HTTP 429 (assumed) (<c>rate_limited</c>).</summary>
    public static ReportsErrorCode RateLimited { get; } = new(Values.RateLimited);

    /// <summary>The service failed; HTTP 5xx (assumed) (<c>internal_error</c>).</summary>
    public static ReportsErrorCode InternalError { get; } = new(Values.InternalError);

    /// <summary>
    /// SDK-defined, never sent by the service: no response came in time (attempt or total timeout,
    /// or HTTP 408 after every retry).
    /// </summary>
    public static ReportsErrorCode Timeout { get; } = new(Values.Timeout);

    /// <summary>SDK-defined, never sent by the service: the connection failed or dropped before a response.</summary>
    public static ReportsErrorCode ConnectionFailed { get; } = new(Values.ConnectionFailed);

    /// <summary>
    /// SDK-defined, never sent by the service: a <c>403</c> that did not say why in the API's error body
    /// (an HTML page or nothing, typically from a proxy or firewall in front of the API). A <c>403</c>
    /// whose body says <c>feature_not_in_plan</c> keeps that code.
    /// </summary>
    public static ReportsErrorCode Forbidden { get; } = new(Values.Forbidden);

    /// <summary>
    /// SDK-defined, never sent by the service: an answer that breaks the contract: a success whose body
    /// is missing, cut short, not the expected JSON or without a required member (such as a run's
    /// <c>run_id</c> or <c>status</c>), or a status the API does not give (an unfollowed redirect).
    /// </summary>
    public static ReportsErrorCode InvalidResponse { get; } = new(Values.InvalidResponse);

    /// <summary>SDK-defined, never sent by the service: a download was asked of a run that has not completed.</summary>
    public static ReportsErrorCode RunNotCompleted { get; } = new(Values.RunNotCompleted);

    /// <summary>
    /// SDK-defined, never sent by the service: the run completed without a download URL, because its
    /// artifact was pushed to the report's destination; there is nothing to download.
    /// </summary>
    public static ReportsErrorCode NoDownloadUrl { get; } = new(Values.NoDownloadUrl);

    /// <summary>SDK-defined, never sent by the service: the download host still refused the URL after it was refreshed once.</summary>
    public static ReportsErrorCode DownloadUrlExpired { get; } = new(Values.DownloadUrlExpired);

    /// <summary>SDK-defined, never sent by the service: the artifact's body ended before all of it arrived.</summary>
    public static ReportsErrorCode DownloadIncomplete { get; } = new(Values.DownloadIncomplete);
    /// <summary>
    /// The wire value of each code the SDK lists, as a constant: for a <c>switch</c> (a
    /// <see cref="ReportsErrorCode"/> itself cannot be a <c>case</c> label, CS9135).
    /// </summary>
    /// <remarks>
    /// Switch on the code's wire value: <c>switch (error.ErrorCode.ToString()) { case ReportsErrorCode.Values.InvalidCron: … }</c>.
    /// A <c>case</c> compares ordinally, where <c>==</c> on the code ignores case; the service spells
    /// its codes in lower case, as these constants do.
    /// </remarks>
    public static class Values
    {
        /// <inheritdoc cref="ReportsErrorCode.BadRequest"/>
        public const string BadRequest = "bad_request";

        /// <inheritdoc cref="ReportsErrorCode.Unauthorized"/>
        public const string Unauthorized = "unauthorized";

        /// <inheritdoc cref="ReportsErrorCode.FeatureNotInPlan"/>
        public const string FeatureNotInPlan = "feature_not_in_plan";

        /// <inheritdoc cref="ReportsErrorCode.NotFound"/>
        public const string NotFound = "not_found";

        /// <inheritdoc cref="ReportsErrorCode.InvalidCron"/>
        public const string InvalidCron = "invalid_cron";

        /// <inheritdoc cref="ReportsErrorCode.DestinationUnreachable"/>
        public const string DestinationUnreachable = "destination_unreachable";

        /// <inheritdoc cref="ReportsErrorCode.ValidationFailed"/>
        public const string ValidationFailed = "validation_failed";

        /// <inheritdoc cref="ReportsErrorCode.RateLimited"/>
        public const string RateLimited = "rate_limited";

        /// <inheritdoc cref="ReportsErrorCode.InternalError"/>
        public const string InternalError = "internal_error";

        /// <inheritdoc cref="ReportsErrorCode.Timeout"/>
        public const string Timeout = "timeout";

        /// <inheritdoc cref="ReportsErrorCode.ConnectionFailed"/>
        public const string ConnectionFailed = "connection_failed";

        /// <inheritdoc cref="ReportsErrorCode.Forbidden"/>
        public const string Forbidden = "forbidden";

        /// <inheritdoc cref="ReportsErrorCode.InvalidResponse"/>
        public const string InvalidResponse = "invalid_response";

        /// <inheritdoc cref="ReportsErrorCode.RunNotCompleted"/>
        public const string RunNotCompleted = "run_not_completed";

        /// <inheritdoc cref="ReportsErrorCode.NoDownloadUrl"/>
        public const string NoDownloadUrl = "no_download_url";

        /// <inheritdoc cref="ReportsErrorCode.DownloadUrlExpired"/>
        public const string DownloadUrlExpired = "download_url_expired";

        /// <inheritdoc cref="ReportsErrorCode.DownloadIncomplete"/>
        public const string DownloadIncomplete = "download_incomplete";
    }
}
