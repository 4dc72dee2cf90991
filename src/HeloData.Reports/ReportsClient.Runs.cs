using HeloData.Reports.Diagnostics;
using HeloData.Reports.Errors;
using HeloData.Reports.Http;
using HeloData.Reports.Models;
using HeloData.Reports.Runs;
using HeloData.Reports.Validation;
using Polly;

namespace HeloData.Reports;

// Waiting for runs and downloading their artifacts: the workflow on top of the endpoint calls.
public partial class ReportsClient
{
    private ResiliencePipeline? _downloadRestarts;

    /// <inheritdoc />
    public virtual Task<ReportRun> WaitForCompletionAsync(
        string runId,
        WaitForCompletionOptions? options = null,
        IProgress<ReportRun>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Argument.AssertId(runId, nameof(runId));
        options ??= new WaitForCompletionOptions();
        options.Validate(nameof(options));
        return new RunWaiter(runId, PollRunAsync, options, progress, _timeProvider).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<ReportRun> RunAndWaitAsync(
        string reportId,
        RunWindow? window = null,
        WaitForCompletionOptions? options = null,
        IProgress<ReportRun>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options?.Validate(nameof(options));
        var accepted = await RunAsync(reportId, window, cancellationToken).ConfigureAwait(false);
        try
        {
            return await WaitForCompletionAsync(accepted.RunId, options, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportsException failed)
        {
            // The run goes on: the caller must resume waiting for it, never call this again and start a second.
            failed.RunStarted(accepted.RunId);
            throw;
        }
    }

    /// <inheritdoc />
    public virtual async Task<Stream> OpenReadAsync(ReportRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);

        // The span covers opening only: the caller reads the stream after it ends.
        var scope = OperationScope.Start(ReportsOperation.OpenRead, run.ReportId, run.RunId);
        Stream stream;
        try
        {
            stream = await Downloader().OpenAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        scope.Succeeded();
        return stream;
    }

    /// <inheritdoc />
    public virtual Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, CancellationToken cancellationToken) =>
        DownloadAsync(run, destination, progress: null, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        var scope = OperationScope.Start(ReportsOperation.Download, run.ReportId, run.RunId);
        DownloadResult result;
        try
        {
            var source = await Downloader().OpenAsync(run, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                result = await ArtifactDownloader.CopyAsync(source, destination, run.RunId, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        scope.Succeeded();
        return result;
    }

    /// <inheritdoc />
    public virtual Task<DownloadResult> DownloadToFileAsync(ReportRun run, string path, CancellationToken cancellationToken) =>
        DownloadToFileAsync(run, path, progress: null, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<DownloadResult> DownloadToFileAsync(ReportRun run, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        path = ArtifactFile.CheckPath(path, nameof(path));

        var scope = OperationScope.Start(ReportsOperation.DownloadToFile, run.ReportId, run.RunId);
        DownloadResult result;
        try
        {
            result = await DownloadRestarts().ExecuteAsync(
                static async (state, ct) =>
                {
                    // Open the artifact before touching the file system: a run that cannot be downloaded leaves nothing behind.
                    var source = await state.Client.Downloader().OpenAsync(state.Run, ct).ConfigureAwait(false);
                    await using (source.ConfigureAwait(false))
                    {
                        return await ArtifactFile.WriteAsync(source, state.Path, state.Run.RunId, state.Progress, ct).ConfigureAwait(false);
                    }
                },
                (Client: this, Run: run, Path: path, Progress: progress),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        scope.Succeeded();
        return result;
    }

    // Polling needs the Retry-After of a 200 as well as the run, so it reads the response itself.
    internal async Task<RunPoll> PollRunAsync(string runId, CancellationToken cancellationToken)
    {
        // Each poll is a GetRun operation of its own, in traces and metrics alike.
        var operation = ReportsOperation.GetRun;
        var scope = OperationScope.Start(operation, runId: runId);
        RunPoll poll;
        try
        {
            using var response = await SendCoreAsync(scope, operation, static (api, id, ct) => api.GetRunAsync(id, ct), runId, cancellationToken).ConfigureAwait(false);
            poll = new RunPoll(ContentOf(operation, response, cancellationToken), RetryAfter.From(response.Headers, _timeProvider));
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        scope.Succeeded(poll.Run);
        return poll;
    }

    private ArtifactDownloader Downloader() => new(_downloadClient, GetRunAsync, _timeProvider, _downloadIdleTimeout);

    // Built on first use, not in the constructors: a mock made through the protected constructor never needs it.
    private ResiliencePipeline DownloadRestarts() => _downloadRestarts ??= DownloadRestart.Build(_timeProvider);
}
