using System.Buffers;
using System.Net;
using HeloData.Reports.Errors;
using HeloData.Reports.Models;
using HeloData.Reports.Validation;

namespace HeloData.Reports.Runs;

/// <summary>
/// Fetches a completed run's artifact from the download host. It uses its own <see cref="HttpClient"/>,
/// which has no API-key handler, so the key never leaves for that host. A run without a URL (one from a
/// list's <c>recent_runs</c>, say) or with an expired one (known from <c>download_url_expires_at</c>, or
/// from a <c>403</c>) is read once more through <c>GET /reports/runs/{id}</c>, and only once.
/// A host silent for <paramref name="idleTimeout"/>, before its answer or during a read, fails it with <c>timeout</c>.
/// </summary>
internal sealed class ArtifactDownloader(
    Func<HttpClient> downloadClient,
    Func<string, CancellationToken, Task<ReportRun>> getRun,
    TimeProvider timeProvider,
    TimeSpan idleTimeout)
{
    /// <summary>A URL this close to its expiry is refreshed first: it could expire while the request is in flight.</summary>
    internal static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);

    private const int CopyBufferSize = 128 * 1024;

    public async Task<DownloadStream> OpenAsync(ReportRun run, CancellationToken cancellationToken)
    {
        EnsureCompleted(run);
        var refreshed = false;
        if (run.DownloadUrl is null || (run.DownloadUrlExpiresAt is { } expires && expires - ExpiryMargin <= timeProvider.GetUtcNow()))
        {
            run = await RefreshAsync(run, cancellationToken).ConfigureAwait(false);
            refreshed = true;
        }

        while (true)
        {
            var response = await SendAsync(run, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await DownloadStream.OpenAsync(response, run.RunId, new IdleTimer(idleTimeout, timeProvider), cancellationToken).ConfigureAwait(false);
            }

            var status = response.StatusCode;
            response.Dispose();
            if (status == HttpStatusCode.Forbidden && !refreshed)
            {
                run = await RefreshAsync(run, cancellationToken).ConfigureAwait(false);
                refreshed = true;
                continue;
            }

            var code = status == HttpStatusCode.Forbidden ? ReportsErrorCode.DownloadUrlExpired : ErrorCodeTable.ForStatus((int)status);
            throw new ReportsException($"Download of run {run.RunId} failed: the download host answered {(int)status}.", code, (int)status) { RunId = run.RunId };
        }
    }

    public static async Task<DownloadResult> CopyAsync(DownloadStream source, Stream destination, string runId, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int count;
            while ((count = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                progress?.Report(new DownloadProgress(source.BytesRead, source.ExpectedLength));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new DownloadResult(runId, source.BytesRead, source.ContentType);
    }

    private static void EnsureCompleted(ReportRun run)
    {
        if (run.Status != RunStatus.Completed)
        {
            throw new ReportsException(
                $"Run {run.RunId} cannot be downloaded: its status is '{ValueText.Escape(run.Status.ToString())}', not 'completed'. Wait for it first.",
                ReportsErrorCode.RunNotCompleted) { RunId = run.RunId };
        }
    }

    private async Task<ReportRun> RefreshAsync(ReportRun run, CancellationToken cancellationToken)
    {
        var fresh = await getRun(run.RunId, cancellationToken).ConfigureAwait(false);
        EnsureCompleted(fresh);
        if (fresh.DownloadUrl is null)
        {
            // Read fresh from the service, not from a list: the service has no URL to give.
            throw new ReportsException(
                $"Run {run.RunId} completed without a download URL, also when read again from the service: there is nothing to download (a run whose artifact is delivered to its report's destination has no URL).",
                ReportsErrorCode.NoDownloadUrl) { RunId = run.RunId };
        }

        return fresh;
    }

    private async Task<HttpResponseMessage> SendAsync(ReportRun run, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, run.DownloadUrl);

        // The download client has no HttpClient.Timeout (an artifact may take long to stream), so a
        // host that never answers is cut off here.
        using var silence = new CancellationTokenSource(idleTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        try
        {
            return await downloadClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw IdleTimer.Expired(run.RunId, $"the download host sent no answer within {idleTimeout.TotalSeconds:0.###} s", exception);
        }
        catch (Exception exception) when (ErrorMapper.TryMapException($"Download of run {run.RunId}", exception, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }
}
