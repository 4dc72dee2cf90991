using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The HeloData Reports API: schedule, change, list and delete report definitions, run them on demand,
/// wait for their runs and download their artifacts. Implemented by <see cref="ReportsClient"/>; mock
/// this interface in application tests and build responses with <see cref="ReportsModelFactory"/>.
/// </summary>
/// <remarks>
/// Every method checks its arguments first and throws an <see cref="ArgumentException"/> naming the
/// parameter, without sending anything. Every failed call throws a <see cref="ReportsException"/>.
/// Cancellation surfaces as an <see cref="OperationCanceledException"/>. A token can always follow the
/// required arguments alone (<c>WaitForCompletionAsync(runId, ct)</c>): <see cref="ReportsClientOverloads"/>
/// passes it, with the defaults, to the member here, which is the one a mock sets up.
/// </remarks>
public interface IReportsClient
{
    /// <summary>Schedules a new report (<c>POST /reports</c>).</summary>
    /// <param name="report">The report to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created report, with its id.</returns>
    /// <remarks>Not idempotent: retried only where the service provably did not act (<see cref="ReportsException.OutcomeUnknown"/> says when it may have).</remarks>
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
    /// <param name="pageSize">The most reports on the page (the wire's <c>limit</c>); <see langword="null"/> for the service's default.</param>
    /// <param name="cursor">The previous page's <see cref="ReportList.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<ReportList> ListReportsAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default);

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
    /// <remarks>Not idempotent: retried only where the service provably did not act, so the SDK never starts a run twice.</remarks>
    Task<RunAccepted> RunReportAsync(string reportId, RunWindow? window = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's status and, once completed, its download URL (<c>GET /reports/runs/{id}</c>).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    Task<ReportRun> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a run until it completes or fails. Safe to call for any run id, from any process: persist
    /// the id and resume waiting later.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="options">How to poll, and where to report status changes; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting promptly, with a <see cref="ReportRunWaitCanceledException"/>. The run goes on on the service.</param>
    /// <returns>The completed run.</returns>
    /// <exception cref="ReportRunFailedException">The run failed; carries its error code and message.</exception>
    /// <exception cref="ReportRunTimeoutException">The maximum wait ran out, or the service asked to wait past it; carries the last status seen. Transient: waiting again is safe.</exception>
    /// <remarks>
    /// A status the SDK does not know counts as still in progress. A poll that fails transiently
    /// (a 503, a timeout) does not end the wait. A <c>Retry-After</c> on a status response sets the next
    /// delay, never below <see cref="WaitForCompletionOptions.MinPollInterval"/>.
    /// </remarks>
    Task<ReportRun> WaitForCompletionAsync(string runId, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a report on demand and waits for the run to complete.</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="window">The dates to cover; <see langword="null"/> lets the service choose.</param>
    /// <param name="options">How to poll.</param>
    /// <param name="cancellationToken">Stops waiting. A run already accepted goes on on the service.</param>
    /// <returns>The completed run.</returns>
    /// <remarks>
    /// Once the run is accepted, every failure names it in <see cref="ReportsException.RunId"/> (a
    /// cancellation in <see cref="ReportRunWaitCanceledException.RunId"/>) and is not transient: resume
    /// with <see cref="WaitForCompletionAsync"/>, since calling this again would start a second run. A
    /// timeout is a new <see cref="ReportRunTimeoutException"/> with
    /// <see cref="ReportRunTimeoutException.RunStartedByCall"/> set, the wait's own (transient) inside.
    /// </remarks>
    Task<ReportRun> RunReportAndWaitAsync(string reportId, RunWindow? window = null, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a completed run's artifact as a checked, decompressed stream, read straight from the download host.</summary>
    /// <param name="run">A completed run.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>
    /// The artifact's content, to be read asynchronously; its <see cref="Stream.Position"/> is the count of
    /// content bytes read so far (it cannot seek). A body cut short throws <see cref="ReportsException"/>
    /// (<see cref="ReportsErrorCode.DownloadIncomplete"/>) rather than ending early. gzip is taken off whatever
    /// the headers say (the first two bytes <c>1f 8b</c> decide, so <c>Content-Encoding: gzip</c> and a gzip
    /// file alike), and each member's CRC-32 and length are checked: damaged or cut gzip throws
    /// <see cref="ReportsException"/> (<see cref="ReportsErrorCode.InvalidResponse"/>, the run in
    /// <see cref="ReportsException.RunId"/>, the <see cref="InvalidDataException"/> inside), from this call
    /// or from a read. Dispose it.
    /// </returns>
    /// <remarks>
    /// <see cref="DownloadAsync"/> and <see cref="DownloadToFileAsync"/> keep the bytes as the host sent them.
    /// The API key is never sent to the download host. A run without a download URL, or with an expired
    /// one, is read once more through <see cref="GetRunAsync"/>. A run that is not completed, or that has
    /// no URL even then (its artifact went to its destination), throws <see cref="ReportsException"/>.
    /// </remarks>
    Task<Stream> OpenReadAsync(ReportRun run, CancellationToken cancellationToken = default);

    /// <summary>Downloads a completed run's artifact into <paramref name="destination"/>, streaming it in constant memory.</summary>
    /// <param name="run">A completed run.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="options">Progress reporting; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    /// <remarks>Never restarted: what already reached the stream cannot be taken back.</remarks>
    Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a completed run's artifact to a file. The bytes go to a temporary file beside it
    /// (<c>.hd-&lt;16 hex&gt;.partial</c>, mode 0600 on Unix), moved into place only when complete and on
    /// disk: after a failure or a cancellation, <paramref name="path"/> is as it was. An existing file
    /// there is replaced (keeping its permissions). A symlink is followed and the file it leads to is
    /// replaced, in that file's folder; the link stays. A character device, FIFO or socket
    /// (<c>/dev/stdout</c>, a named pipe) is written in place as the bytes arrive and never replaced; it
    /// is opened once the download host has answered (a FIFO's open waits for a reader, until
    /// <paramref name="cancellationToken"/> ends the wait).
    /// </summary>
    /// <param name="run">A completed run.</param>
    /// <param name="path">
    /// The file to write. Checked before anything is fetched: its folder must exist and take a new file;
    /// a directory, a block device or a symlink loop is refused.
    /// </param>
    /// <param name="options">Progress reporting; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>What was downloaded.</returns>
    /// <remarks>
    /// A transient failure (a body cut short, a dropped or refused connection, a <c>5xx</c> from the
    /// download host) starts the download again from the first byte, twice at most, after about 1 s and
    /// then 2 s; progress then counts again from zero. A device, FIFO or socket, once opened, is not
    /// written again: what reached it cannot be taken back.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or malformed, names a directory, a block device or a symlink loop, or its folder does not exist or takes no new file.</exception>
    Task<DownloadResult> DownloadToFileAsync(ReportRun run, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default);
}
