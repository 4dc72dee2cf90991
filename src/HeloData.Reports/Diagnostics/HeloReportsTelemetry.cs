namespace HeloData.Reports.Diagnostics;

/// <summary>
/// Every name the SDK's traces and metrics use, so an application can subscribe without retyping
/// strings: <c>.AddSource(HeloReportsTelemetry.ActivitySourceName)</c> and
/// <c>.AddMeter(HeloReportsTelemetry.MeterName)</c> with OpenTelemetry. See <c>docs/telemetry.md</c>.
/// </summary>
/// <remarks>
/// Each public operation of <see cref="ReportsClient"/> is one span of kind Client named
/// <c>"HeloData.Reports {operation}"</c> (for example <c>HeloData.Reports CreateReport</c>), and one
/// measurement of <see cref="RequestsInstrumentName"/> and <see cref="RequestDurationInstrumentName"/>.
/// No tag ever holds the API key, a download URL, or an error message.
/// </remarks>
public static class HeloReportsTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "HeloData.Reports";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "HeloData.Reports";

    /// <summary>Counter (<c>{request}</c>): public operations called, tagged with <see cref="OperationTagName"/> and <see cref="OutcomeTagName"/>.</summary>
    public const string RequestsInstrumentName = "helodata.reports.requests";

    /// <summary>Histogram (<c>s</c>): how long public operations took, tagged with <see cref="OperationTagName"/> and <see cref="OutcomeTagName"/>.</summary>
    public const string RequestDurationInstrumentName = "helodata.reports.request.duration";

    /// <summary>Histogram (<c>{poll}</c>): status requests made by one wait for a run, tagged with <see cref="OutcomeTagName"/>.</summary>
    public const string WaitPollsInstrumentName = "helodata.reports.wait.polls";

    /// <summary>Counter (<c>By</c>): artifact bytes received from the download host, however they are read.</summary>
    public const string DownloadBytesInstrumentName = "helodata.reports.download.bytes";

    /// <summary>
    /// Counter (<c>{retry}</c>): HTTP attempts the SDK's resilience pipeline decided to retry, tagged with
    /// <see cref="HttpRequestMethodTagName"/> and <see cref="ErrorTypeTagName"/> (the status code, <c>timeout</c>
    /// for an attempt timeout, or the exception's type name).
    /// </summary>
    public const string RetriesInstrumentName = "helodata.reports.retries";

    /// <summary>Metric tag of <see cref="RetriesInstrumentName"/>: the HTTP method (<c>GET</c>, <c>POST</c>, …), as in OpenTelemetry's HTTP conventions.</summary>
    public const string HttpRequestMethodTagName = "http.request.method";

    /// <summary>Span and metric tag: the operation, one of the <c>…Operation</c> constants of this class.</summary>
    public const string OperationTagName = "helodata.operation";

    /// <summary>Metric tag: <see cref="SuccessOutcome"/>, <see cref="CancelledOutcome"/>, or the failure's error code.</summary>
    public const string OutcomeTagName = "helodata.outcome";

    /// <summary>Span tag: the report's id, where the operation knows it. Never a metric tag.</summary>
    public const string ReportIdTagName = "helodata.report_id";

    /// <summary>Span tag: the run's id, where the operation knows it. Never a metric tag.</summary>
    public const string RunIdTagName = "helodata.run_id";

    /// <summary>
    /// Span tag: the service's request id (<c>X-Request-Id</c>, or an error body's <c>request_id</c>) of the
    /// operation's last answer, successful or not: what HeloData support asks for. Never a metric tag.
    /// </summary>
    public const string RequestIdTagName = "helodata.request_id";

    /// <summary>
    /// Span tag on a failed operation (status Error): the <see cref="Models.ReportsErrorCode"/> as a string,
    /// <see cref="CancelledOutcome"/>, or the exception's type name for a failure that is not a <see cref="Errors.ReportsException"/>.
    /// </summary>
    public const string ErrorTypeTagName = "error.type";

    /// <summary>The <see cref="OutcomeTagName"/> of an operation that succeeded.</summary>
    public const string SuccessOutcome = "success";

    /// <summary>The <see cref="OutcomeTagName"/> and <see cref="ErrorTypeTagName"/> of an operation the caller cancelled.</summary>
    public const string CancelledOutcome = "cancelled";

    /// <summary><see cref="ReportsClient.CreateReportAsync"/>.</summary>
    public const string CreateReportOperation = "CreateReport";

    /// <summary><see cref="ReportsClient.GetReportAsync"/>.</summary>
    public const string GetReportOperation = "GetReport";

    /// <summary><see cref="ReportsClient.UpdateReportAsync"/>.</summary>
    public const string UpdateReportOperation = "UpdateReport";

    /// <summary><see cref="ReportsClient.DeleteReportAsync"/>.</summary>
    public const string DeleteReportOperation = "DeleteReport";

    /// <summary><see cref="ReportsClient.ListReportsAsync"/>, once per page (also for <see cref="ReportsClient.ListAllReportsAsync"/>).</summary>
    public const string ListReportsOperation = "ListReports";

    /// <summary><see cref="ReportsClient.RunAsync"/>.</summary>
    public const string RunReportOperation = "RunReport";

    /// <summary><see cref="ReportsClient.GetRunAsync"/>, and each poll of a wait and each refresh of an expired download URL.</summary>
    public const string GetRunOperation = "GetRun";

    /// <summary><see cref="ReportsClient.WaitForCompletionAsync"/>: the whole wait.</summary>
    public const string WaitForCompletionOperation = "WaitForCompletion";

    /// <summary><see cref="ReportsClient.OpenReadAsync"/>: opening the artifact, not reading it.</summary>
    public const string OpenReadOperation = "OpenRead";

    /// <summary><see cref="ReportsClient.DownloadAsync(Models.ReportRun, Stream, IProgress{Runs.DownloadProgress}?, CancellationToken)"/>: the whole transfer.</summary>
    public const string DownloadOperation = "Download";

    /// <summary><see cref="ReportsClient.DownloadToFileAsync(Models.ReportRun, string, IProgress{Runs.DownloadProgress}?, CancellationToken)"/>: the whole transfer.</summary>
    public const string DownloadToFileOperation = "DownloadToFile";
}
