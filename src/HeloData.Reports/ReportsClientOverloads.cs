using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The calls with a cancellation token and nothing optional: <c>reports.WaitForCompletionAsync(runId, ct)</c>,
/// <c>reports.ListAllReportsAsync(ct)</c>. Each passes the token, and the defaults for what it leaves out,
/// to the <see cref="IReportsClient"/> member of the same name.
/// </summary>
/// <remarks>
/// The shorter overloads are extension methods rather than interface members, as the .NET design
/// guidelines have only the longest overload be virtual: the interface keeps one member per operation,
/// so a mock sets up that member and every overload reaches it.
/// </remarks>
public static class ReportsClientOverloads
{
    /// <summary>Reads the first page of report definitions, the service choosing its size.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public static Task<ReportList> ListReportsAsync(this IReportsClient client, CancellationToken cancellationToken) =>
        NotNull(client).ListReportsAsync(null, null, cancellationToken);

    /// <summary>Every report definition, fetched page by page in pages of the service's default size.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reports, in the service's order.</returns>
    public static IAsyncEnumerable<Report> ListAllReportsAsync(this IReportsClient client, CancellationToken cancellationToken) =>
        NotNull(client).ListAllReportsAsync(null, cancellationToken);

    /// <summary>Runs a report on demand over the dates the service chooses.</summary>
    /// <param name="client">The client.</param>
    /// <param name="reportId">The report's id.</param>
    /// <param name="cancellationToken">Cancels the call. The run, once accepted, goes on.</param>
    /// <returns>The new run's id and first status.</returns>
    public static Task<RunAccepted> RunReportAsync(this IReportsClient client, string reportId, CancellationToken cancellationToken) =>
        NotNull(client).RunReportAsync(reportId, null, cancellationToken);

    /// <summary>Polls a run, with the default schedule, until it completes or fails.</summary>
    /// <param name="client">The client.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Stops waiting, with a <see cref="ReportRunWaitCanceledException"/>. The run goes on on the service.</param>
    /// <returns>The completed run.</returns>
    public static Task<ReportRun> WaitForCompletionAsync(this IReportsClient client, string runId, CancellationToken cancellationToken) =>
        NotNull(client).WaitForCompletionAsync(runId, null, cancellationToken);

    /// <summary>Runs a report on demand over the dates the service chooses, and waits with the default schedule.</summary>
    /// <param name="client">The client.</param>
    /// <param name="reportId">The report's id.</param>
    /// <param name="cancellationToken">Stops waiting. A run already accepted goes on on the service.</param>
    /// <returns>The completed run.</returns>
    public static Task<ReportRun> RunReportAndWaitAsync(this IReportsClient client, string reportId, CancellationToken cancellationToken) =>
        NotNull(client).RunReportAndWaitAsync(reportId, null, null, cancellationToken);

    /// <summary>Downloads a completed run's artifact into <paramref name="destination"/>, without progress reports.</summary>
    /// <param name="client">The client.</param>
    /// <param name="run">A completed run.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    public static Task<DownloadResult> DownloadAsync(this IReportsClient client, ReportRun run, Stream destination, CancellationToken cancellationToken) =>
        NotNull(client).DownloadAsync(run, destination, null, cancellationToken);

    /// <summary>Downloads a completed run's artifact to a file, without progress reports.</summary>
    /// <param name="client">The client.</param>
    /// <param name="run">A completed run.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    public static Task<DownloadResult> DownloadToFileAsync(this IReportsClient client, ReportRun run, string path, CancellationToken cancellationToken) =>
        NotNull(client).DownloadToFileAsync(run, path, null, cancellationToken);

    private static IReportsClient NotNull(IReportsClient client) =>
        client ?? throw new ArgumentNullException(nameof(client));
}
