using System.Text.Json;

namespace HeloData.Reports.Models;

/// <summary>
/// Builds the SDK's response models, whose setters are not public, so application tests can make a
/// mocked <see cref="IReportsClient"/> answer with realistic values. Typed rows are built by
/// <c>ReportRowsModelFactory</c>, in the <c>HeloData.Reports.Rows</c> package.
/// </summary>
/// <example>
/// <code>
/// var run = ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Completed,
///     downloadUrl: new Uri("https://downloads.example/run_1.csv?sig=x"));
/// </code>
/// </example>
public static partial class ReportsModelFactory
{
    /// <summary>Creates a <see cref="Models.Report"/>.</summary>
    /// <param name="id">The report's id.</param>
    /// <param name="name">The report's name.</param>
    /// <param name="type">The report type; <c>default</c> means <see cref="ReportType.Traffic"/>.</param>
    /// <param name="filters">The filters.</param>
    /// <param name="schedule">The cron schedule; <see langword="null"/> for on demand.</param>
    /// <param name="format">The format; <c>default</c> means <see cref="ReportFormat.Csv"/>.</param>
    /// <param name="destination">The destination.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it was last changed.</param>
    /// <param name="nextRunAt">When the schedule fires next.</param>
    /// <param name="additionalProperties">Fields the SDK does not model.</param>
    /// <returns>The report.</returns>
    public static Report Report(
        string id = "rep_test",
        string name = "test-report",
        ReportType type = default,
        ReportFilters? filters = null,
        string? schedule = null,
        ReportFormat format = default,
        ReportDestination? destination = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? nextRunAt = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        var report = new Report
        {
            Id = id,
            Name = name,
            Type = type == default ? ReportType.Traffic : type,
            Filters = filters,
            Schedule = schedule,
            Format = format == default ? ReportFormat.Csv : format,
            Destination = destination,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            NextRunAt = nextRunAt,
        };
        CopyInto(report.AdditionalProperties, additionalProperties);
        return report;
    }

    /// <summary>Creates a <see cref="Models.ReportRun"/>.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="reportId">The report's id.</param>
    /// <param name="status">The status; <c>default</c> means <see cref="RunStatus.Queued"/>.</param>
    /// <param name="from">The first day covered.</param>
    /// <param name="to">The last day covered.</param>
    /// <param name="createdAt">When the run was created.</param>
    /// <param name="completedAt">When it finished.</param>
    /// <param name="downloadUrl">The artifact's signed URL.</param>
    /// <param name="downloadUrlExpiresAt">When the URL stops working.</param>
    /// <param name="error">Why it failed.</param>
    /// <param name="additionalProperties">Fields the SDK does not model.</param>
    /// <returns>The run.</returns>
    public static ReportRun ReportRun(
        string runId = "run_test",
        string reportId = "rep_test",
        RunStatus status = default,
        DateOnly? from = null,
        DateOnly? to = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null,
        Uri? downloadUrl = null,
        DateTimeOffset? downloadUrlExpiresAt = null,
        RunError? error = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        var run = new ReportRun
        {
            RunId = runId,
            ReportId = reportId,
            Status = status == default ? RunStatus.Queued : status,
            From = from,
            To = to,
            CreatedAt = createdAt,
            CompletedAt = completedAt,
            DownloadUrl = downloadUrl,
            DownloadUrlExpiresAt = downloadUrlExpiresAt,
            Error = error,
        };
        CopyInto(run.AdditionalProperties, additionalProperties);
        return run;
    }

    /// <summary>Creates a <see cref="Models.RunError"/>.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The explanation.</param>
    /// <returns>The error.</returns>
    public static RunError RunError(ReportsErrorCode code, string message = "") => new() { Code = code, Message = message };

    /// <summary>Creates a <see cref="Models.RunAccepted"/>.</summary>
    /// <param name="runId">The new run's id.</param>
    /// <param name="status">The status; <c>default</c> means <see cref="RunStatus.Queued"/>.</param>
    /// <returns>The accepted run.</returns>
    public static RunAccepted RunAccepted(string runId = "run_test", RunStatus status = default) =>
        new() { RunId = runId, Status = status == default ? RunStatus.Queued : status };

    /// <summary>Creates a <see cref="Models.ReportList"/> page.</summary>
    /// <param name="reports">The reports on the page.</param>
    /// <param name="recentRuns">The recent runs.</param>
    /// <param name="nextCursor">The next page's cursor; <see langword="null"/> on the last page.</param>
    /// <returns>The page.</returns>
    public static ReportList ReportList(IEnumerable<Report>? reports = null, IEnumerable<ReportRun>? recentRuns = null, string? nextCursor = null) =>
        new() { Reports = reports?.ToArray() ?? [], RecentRuns = recentRuns?.ToArray() ?? [], NextCursor = nextCursor };

    private static void CopyInto(IDictionary<string, JsonElement> target, IDictionary<string, JsonElement>? source)
    {
        foreach (var (key, value) in source ?? new Dictionary<string, JsonElement>())
        {
            target[key] = value;
        }
    }
}
