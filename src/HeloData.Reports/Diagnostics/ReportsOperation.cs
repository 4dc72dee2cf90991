using static HeloData.Reports.TelemetryNames;

namespace HeloData.Reports;

/// <summary>
/// One public operation: its name in telemetry, its span name and metric tag built once here rather
/// than per call, and the words error messages use for it ("Create report failed: …").
/// </summary>
internal sealed class ReportsOperation
{
    public static readonly ReportsOperation CreateReport = new(CreateReportOperation, "Create report", isIdempotent: false);
    public static readonly ReportsOperation GetReport = new(GetReportOperation, "Get report");
    public static readonly ReportsOperation UpdateReport = new(UpdateReportOperation, "Update report");
    public static readonly ReportsOperation DeleteReport = new(DeleteReportOperation, "Delete report");
    public static readonly ReportsOperation ListReports = new(ListReportsOperation, "List reports");
    public static readonly ReportsOperation RunReport = new(RunReportOperation, "Run report", isIdempotent: false);
    public static readonly ReportsOperation GetRun = new(GetRunOperation, "Get run");
    public static readonly ReportsOperation WaitForCompletion = new(WaitForCompletionOperation, "Wait for run");
    public static readonly ReportsOperation OpenRead = new(OpenReadOperation, "Open artifact");
    public static readonly ReportsOperation Download = new(DownloadOperation, "Download");
    public static readonly ReportsOperation DownloadToFile = new(DownloadToFileOperation, "Download to file");

    private ReportsOperation(string name, string displayName, bool isIdempotent = true)
    {
        Name = name;
        DisplayName = displayName;
        IsIdempotent = isIdempotent;
        SpanName = $"{ReportsTelemetry.ActivitySourceName} {name}";
        Tag = new(OperationTagName, name);
    }

    /// <summary>The <see cref="TelemetryNames.OperationTagName"/> value.</summary>
    public string Name { get; }

    /// <summary>How error messages name the operation.</summary>
    public string DisplayName { get; }

    public string SpanName { get; }

    /// <summary>Whether repeating the request is safe; the two POSTs (create, run) are not (<see cref="RetrySafety"/>).</summary>
    public bool IsIdempotent { get; }

    public KeyValuePair<string, object?> Tag { get; }

    public override string ToString() => DisplayName;
}
