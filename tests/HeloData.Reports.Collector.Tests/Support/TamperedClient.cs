using HeloData.Reports.Models;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>
/// A real client whose report listing a test tampers with (a hostile or broken service): <see cref="Tamper"/>
/// rewrites each page; every other call goes to the real client.
/// </summary>
internal sealed class TamperedClient(IReportsClient inner, Func<ReportList, ReportList> tamper) : IReportsClient
{
    public Func<ReportList, ReportList> Tamper { get; } = tamper;

    public async Task<ReportList> ListReportsAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        Tamper(await inner.ListReportsAsync(pageSize, cursor, cancellationToken));

    public Task<Report> CreateReportAsync(NewReport report, CancellationToken cancellationToken = default) => inner.CreateReportAsync(report, cancellationToken);

    public Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken = default) => inner.GetReportAsync(reportId, cancellationToken);

    public Task<Report> UpdateReportAsync(string reportId, ReportUpdate update, CancellationToken cancellationToken = default) => inner.UpdateReportAsync(reportId, update, cancellationToken);

    public Task DeleteReportAsync(string reportId, CancellationToken cancellationToken = default) => inner.DeleteReportAsync(reportId, cancellationToken);

    public IAsyncEnumerable<Report> ListAllReportsAsync(int? pageSize = null, CancellationToken cancellationToken = default) => inner.ListAllReportsAsync(pageSize, cancellationToken);

    public Task<RunAccepted> RunReportAsync(string reportId, RunWindow? window = null, CancellationToken cancellationToken = default) => inner.RunReportAsync(reportId, window, cancellationToken);

    public Task<ReportRun> GetRunAsync(string runId, CancellationToken cancellationToken = default) => inner.GetRunAsync(runId, cancellationToken);

    public Task<ReportRun> WaitForCompletionAsync(string runId, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.WaitForCompletionAsync(runId, options, cancellationToken);

    public Task<ReportRun> RunReportAndWaitAsync(string reportId, RunWindow? window = null, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.RunReportAndWaitAsync(reportId, window, options, cancellationToken);

    public Task<Stream> OpenReadAsync(ReportRun run, CancellationToken cancellationToken = default) => inner.OpenReadAsync(run, cancellationToken);

    public Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.DownloadAsync(run, destination, options, cancellationToken);

    public Task<DownloadResult> DownloadToFileAsync(ReportRun run, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.DownloadToFileAsync(run, path, options, cancellationToken);
}
