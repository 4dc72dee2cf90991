using HeloData.Reports.Models;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// The two calls the gap finder makes, played by hand: on-demand runs (recorded with their windows, queued until a
/// test ends them) and a run's status. Every other call fails the test, since the gap finder must not make it.
/// </summary>
internal sealed class FakeRunsClient : IReportsClient
{
    private readonly Dictionary<string, ReportRun> _runs = [];

    /// <summary>Every on-demand run requested, in order.</summary>
    public List<ReportRun> Requested { get; } = [];

    /// <summary>Thrown by the next <see cref="RunReportAsync"/> instead of accepting the run, then cleared.</summary>
    public ReportsException? NextRunFailure { get; set; }

    public Task<RunAccepted> RunReportAsync(string reportId, RunWindow? window = null, CancellationToken cancellationToken = default)
    {
        if (NextRunFailure is { } failure)
        {
            NextRunFailure = null;
            throw failure;
        }

        var run = ReportsModelFactory.ReportRun($"run_bf{Requested.Count + 1}", reportId, RunStatus.Queued, window?.From, window?.To);
        Requested.Add(run);
        _runs[run.RunId] = run;
        return Task.FromResult(ReportsModelFactory.RunAccepted(run.RunId));
    }

    /// <summary>The run ids read with <see cref="GetRunAsync"/>, in order.</summary>
    public List<string> Read { get; } = [];

    public Task<ReportRun> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        Read.Add(runId);
        return _runs.TryGetValue(runId, out var run)
            ? Task.FromResult(run)
            : Task.FromException<ReportRun>(new ReportsException($"No run {runId}.", ReportsErrorCode.NotFound, 404));
    }

    /// <summary>Ends a requested run.</summary>
    public void End(string runId, RunStatus status)
    {
        var run = _runs[runId];
        _runs[runId] = ReportsModelFactory.ReportRun(runId, run.ReportId, status, run.From, run.To, completedAt: status == RunStatus.Completed ? DateTimeOffset.UnixEpoch : null);
    }

    /// <summary>Knows a run the service made (a scheduled one, pushed or listed), as <c>GET /reports/runs/{id}</c> returns it.</summary>
    public void Add(ReportRun run) => _runs[run.RunId] = run;

    /// <summary>Forgets a run, as the service does after its retention.</summary>
    public void Forget(string runId) => _runs.Remove(runId);

    public Task<Report> CreateReportAsync(NewReport report, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<Report> GetReportAsync(string reportId, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<Report> UpdateReportAsync(string reportId, ReportUpdate update, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task DeleteReportAsync(string reportId, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ReportList> ListReportsAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public IAsyncEnumerable<Report> ListAllReportsAsync(int? pageSize = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ReportRun> WaitForCompletionAsync(string runId, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ReportRun> RunReportAndWaitAsync(string reportId, RunWindow? window = null, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<Stream> OpenReadAsync(ReportRun run, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DownloadResult> DownloadToFileAsync(ReportRun run, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("The gap finder makes no such call.");
}
