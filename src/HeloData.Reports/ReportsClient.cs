using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports;

/// <summary>
/// The HeloData Reports API client. Thread-safe: create one and share it. Register it with
/// <c>services.AddHeloReports(...)</c>, or build it directly for scripts and tools. Mock
/// <see cref="IReportsClient"/> in application tests.
/// </summary>
/// <remarks>
/// A façade: each method checks its arguments (an <see cref="ArgumentException"/>, nothing sent), then
/// makes one call into the transport, the run waiter or the downloader, which do the rest.
/// </remarks>
public sealed class ReportsClient : IReportsClient, IDisposable
{
    private readonly ReportsTransport _transport;
    private readonly RunWaiter _waiter;
    private readonly ArtifactDownloader _downloads;
    private readonly ServiceProvider? _ownedServices;

    /// <summary>Creates a client that talks to the service with <paramref name="apiKey"/> and the default settings.</summary>
    /// <param name="apiKey">The HeloData API key.</param>
    /// <remarks>
    /// It calls the default address, <c>https://api.helodata.com/v1/</c>, whatever the environment holds:
    /// only <c>AddHeloReports</c> reads <see cref="ReportsClientOptions.BaseAddressEnvironmentVariable"/>.
    /// This client owns its HTTP connections: dispose it when done.
    /// </remarks>
    /// <exception cref="ArgumentException">The key is missing or cannot be sent in a header; the message says so, never showing the key.</exception>
    public ReportsClient(string apiKey)
        : this(new ReportsClientOptions { ApiKey = ReportsClientOptionsValidator.CheckKey(apiKey, nameof(apiKey)) })
    {
    }

    /// <summary>Creates a client without dependency injection, on the same registration <c>AddHeloReports</c> makes.</summary>
    /// <param name="options">The settings, including <see cref="ReportsClientOptions.LoggerFactory"/> and <see cref="ReportsClientOptions.TimeProvider"/>; copied, so later changes to it do not apply. Used as given: unlike <c>AddHeloReports</c>, this constructor never reads the environment, so an address left unset is the default.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    /// <remarks>This client owns its HTTP connections: dispose it when done.</remarks>
    public ReportsClient(ReportsClientOptions options)
        : this(StandaloneServices.Build(options ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    internal ReportsClient(ReportsTransport transport, ArtifactDownloader downloads, TimeProvider timeProvider)
    {
        _transport = transport;
        _downloads = downloads;
        _waiter = new RunWaiter(transport, timeProvider);
    }

    private ReportsClient(ServiceProvider services)
        : this(services.GetRequiredService<ReportsTransport>(), services.GetRequiredService<ArtifactDownloader>(), services.GetRequiredService<TimeProvider>())
    {
        _ownedServices = services;
    }

    /// <inheritdoc />
    public Task<Report> CreateReportAsync(NewReport report, CancellationToken cancellationToken = default)
    {
        Argument.AssertNewReport(report, nameof(report));
        return SendAsync(ReportsOperation.CreateReport, static (api, report, ct) => api.CreateReportAsync(report, ct), report, (null, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        return SendAsync(ReportsOperation.GetReport, static (api, id, ct) => api.GetReportAsync(id, ct), reportId, (reportId, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Report> UpdateReportAsync(string reportId, ReportUpdate update, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        Argument.AssertUpdate(update, nameof(update));
        return SendAsync(ReportsOperation.UpdateReport, static (api, args, ct) => api.UpdateReportAsync(args.reportId, args.update, ct), (reportId, update), (reportId, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        return SendAsync(ReportsOperation.DeleteReport, static (api, id, ct) => api.DeleteReportAsync(id, ct), reportId, (reportId, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReportList> ListReportsAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        SendAsync(ReportsOperation.ListReports, static (api, args, ct) => api.ListReportsAsync(args.pageSize, args.cursor, ct), (pageSize, cursor), (null, null), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<Report> ListAllReportsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        ReportPages.ReadAllAsync((cursor, ct) => ListReportsAsync(pageSize, cursor, ct), cancellationToken);

    /// <inheritdoc />
    public Task<RunAccepted> RunReportAsync(string reportId, RunWindow? window = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(reportId, nameof(reportId));
        Argument.AssertWindow(window, nameof(window));
        return SendAsync(ReportsOperation.RunReport, static (api, args, ct) => api.RunReportAsync(args.reportId, args.window ?? new RunWindow(), ct), (reportId, window), (reportId, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReportRun> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(runId, nameof(runId));
        return SendAsync(ReportsOperation.GetRun, static (api, id, ct) => api.GetRunAsync(id, ct), runId, (null, runId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReportRun> WaitForCompletionAsync(string runId, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.AssertId(runId, nameof(runId));
        options?.Validate(nameof(options));
        return _waiter.WaitAsync(runId, options ?? new WaitForCompletionOptions(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReportRun> RunReportAndWaitAsync(string reportId, RunWindow? window = null, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(nameof(options));
        options ??= new WaitForCompletionOptions();
        var accepted = await RunReportAsync(reportId, window, cancellationToken).ConfigureAwait(false);
        try
        {
            return await _waiter.WaitAsync(accepted.RunId, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportRunTimeoutException timedOut)
        {
            // The wait's timeout is transient (waiting again is safe); calling this again would start a second
            // run, so a new exception says the call started it, the wait's own inside and left as it was.
            // The wait's other failures are not transient already: a transient poll does not end a wait.
            throw new ReportRunTimeoutException(accepted.RunId, options.MaxWait, timedOut.LastRun, timedOut.RetryAfter, timedOut, runStartedByCall: true);
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(ReportRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _downloads.OpenReadAsync(run, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        return _downloads.DownloadAsync(run, destination, options?.Progress, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DownloadResult> DownloadToFileAsync(ReportRun run, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _downloads.DownloadToFileAsync(run, FileTarget.Inspect(path, nameof(path)), options?.Progress, cancellationToken);
    }

    /// <summary>Releases the HTTP connections of a client built without dependency injection; a no-op under DI.</summary>
    public void Dispose() => _ownedServices?.Dispose();

    private async Task<TResult> SendAsync<TState, TResult>(
        ReportsOperation operation,
        Func<IReportsApi, TState, CancellationToken, Task<Refit.IApiResponse<TResult>>> call,
        TState state,
        (string? ReportId, string? RunId) ids,
        CancellationToken cancellationToken) =>
        (await _transport.SendAsync(operation, call, state, ids, cancellationToken).ConfigureAwait(false)).Value;
}
