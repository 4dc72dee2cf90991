using HeloData.Reports.Errors;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The HeloData Reports API: schedule, change, list and delete report definitions, run them on demand
/// and read their runs. Implemented by <see cref="ReportsClient"/>; mock this interface in application tests
/// and build responses with <see cref="ReportsModelFactory"/>.
/// </summary>
/// <remarks>
/// Every method validates its arguments first and throws an <see cref="ArgumentException"/> naming the
/// parameter, without sending anything. Every failed call throws a <see cref="ReportsException"/>.
/// Cancellation surfaces as an <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IReportsClient
{
    /// <summary>Schedules a new report (<c>POST /reports</c>).</summary>
    /// <param name="report">The report to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created report, with its id.</returns>
    /// <remarks>Not idempotent: retried only where the service provably did not act, so a report is never created twice.</remarks>
    Task<Report> CreateReportAsync(NewReport report, CancellationToken cancellationToken = default);

    /// <summary>Reads a report definition (<c>GET /reports/{id}</c>).</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>Changes a report with a JSON merge-patch (<c>PATCH /reports/{id}</c>).</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="update">The fields to change; fields never assigned stay as they are.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report as changed.</returns>
    Task<Report> UpdateReportAsync(string reportId, ReportUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Deletes a report (<c>DELETE /reports/{id}</c>).</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the report is deleted.</returns>
    Task DeleteReportAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of report definitions and recent runs (<c>GET /reports</c>).</summary>
    /// <param name="limit">The most reports on the page; <see langword="null"/> for the service's default.</param>
    /// <param name="cursor">The previous page's <see cref="ReportList.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<ReportList> ListReportsAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Every report definition, fetched page by page as the enumeration proceeds.</summary>
    /// <param name="pageSize">The most reports per request; <see langword="null"/> for the service's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reports, in the service's order.</returns>
    IAsyncEnumerable<Report> ListAllReportsAsync(int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a report on demand (<c>POST /reports/{id}/run</c>).</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="window">The dates to cover; <see langword="null"/>, or an end left out, lets the service choose.</param>
    /// <param name="cancellationToken">Cancels the call. The run, once accepted, goes on.</param>
    /// <returns>The new run's id and first status.</returns>
    /// <remarks>Not idempotent: retried only where the service provably did not act, so a run is never started twice.</remarks>
    Task<RunAccepted> RunAsync(string reportId, RunWindow? window = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's status and, once completed, its download URL (<c>GET /reports/runs/{id}</c>).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    Task<ReportRun> GetRunAsync(string runId, CancellationToken cancellationToken = default);
}
