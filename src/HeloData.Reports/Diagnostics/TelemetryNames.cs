namespace HeloData.Reports;

/// <summary>
/// The instrument, tag and operation names of the SDK's telemetry, in one place; documented for users
/// in <c>docs/telemetry.md</c> rather than compiled into their code (only <see cref="ReportsTelemetry"/>'s
/// two names are public).
/// </summary>
internal static class TelemetryNames
{
    /// <summary>Counter (<c>{request}</c>): public operations called, tagged with <see cref="OperationTagName"/> and <see cref="OutcomeTagName"/>.</summary>
    public const string RequestsInstrumentName = "helodata.reports.requests";

    /// <summary>Histogram (<c>s</c>): how long public operations took, tagged with <see cref="OperationTagName"/> and <see cref="OutcomeTagName"/>.</summary>
    public const string RequestDurationInstrumentName = "helodata.reports.request.duration";

    /// <summary>Histogram (<c>{poll}</c>): status requests made by one wait for a run, tagged with <see cref="OutcomeTagName"/>.</summary>
    public const string WaitPollsInstrumentName = "helodata.reports.wait.polls";

    /// <summary>Counter (<c>By</c>): artifact bytes received from the download host, however they are read.</summary>
    public const string DownloadBytesInstrumentName = "helodata.reports.download.bytes";

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
    /// <see cref="CancelledOutcome"/>, or the exception's type name for a failure that is not a <see cref="ReportsException"/>.
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

    /// <summary><see cref="ReportsClient.RunReportAsync"/>.</summary>
    public const string RunReportOperation = "RunReport";

    /// <summary><see cref="ReportsClient.GetRunAsync"/>, and each poll of a wait and each refresh of an expired download URL.</summary>
    public const string GetRunOperation = "GetRun";

    /// <summary><see cref="ReportsClient.WaitForCompletionAsync"/>: the whole wait.</summary>
    public const string WaitForCompletionOperation = "WaitForCompletion";

    /// <summary><see cref="ReportsClient.OpenReadAsync"/>: opening the artifact, not reading it.</summary>
    public const string OpenReadOperation = "OpenRead";

    /// <summary><see cref="ReportsClient.DownloadAsync"/>: the whole transfer.</summary>
    public const string DownloadOperation = "Download";

    /// <summary><see cref="ReportsClient.DownloadToFileAsync"/>: the whole transfer.</summary>
    public const string DownloadToFileOperation = "DownloadToFile";
}
