using System.Net;
using HeloData.Reports.Models;
using Polly;

namespace HeloData.Reports;

/// <summary>
/// Fetches a completed run's artifact from the download host, through its own named
/// <see cref="HttpClient"/>, which has no API-key handler: the key never leaves for that host. A run
/// without a URL (one from a list's <c>recent_runs</c>, say) or with an expired one (known from
/// <c>download_url_expires_at</c>, or from a <c>403</c>) is read once more through the transport, and
/// only once. A host silent for <paramref name="idleTimeout"/>, before its answer or during a read,
/// fails it with <c>timeout</c>.
/// </summary>
internal sealed class ArtifactDownloader(ReportsTransport transport, IHttpClientFactory httpClients, TimeProvider timeProvider, TimeSpan idleTimeout)
{
    /// <summary>A URL this close to its expiry is refreshed first: it could expire while the request is in flight.</summary>
    internal static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);

    /// <summary>Restarts after the first attempt of a file download: three attempts in all.</summary>
    internal const int MaxRestarts = 2;

    /// <summary>The first pause before a restart; then doubling, with jitter.</summary>
    internal static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);

    // Set once a device, FIFO or socket target was opened: from then on the download is not restarted.
    private static readonly ResiliencePropertyKey<bool> WrittenInPlace = new("HeloData.Reports.WrittenInPlace");

    private ResiliencePipeline? _restarts;

    // The span covers opening only (and the first bytes, read to see gzip): the caller reads the stream after it ends.
    // The artifact as a checked, decompressed stream: gzip is taken off (GzipLayers), damaged gzip is a
    // ReportsException here and while it is read (ArtifactReadStream); a download or file copy keeps the bytes as sent.
    public Task<Stream> OpenReadAsync(ReportRun run, CancellationToken cancellationToken) =>
        OperationScope.TraceAsync(
            ReportsOperation.OpenRead, run.ReportId, run.RunId, (Downloader: this, Run: run),
            static async (s, _, ct) => await ArtifactReadStream.OpenAsync(await s.Downloader.OpenAsync(s.Run, ct).ConfigureAwait(false), s.Run.RunId, ct).ConfigureAwait(false),
            cancellationToken);

    public Task<DownloadResult> DownloadAsync(ReportRun run, Stream destination, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken) =>
        OperationScope.TraceAsync(
            ReportsOperation.Download, run.ReportId, run.RunId, (Downloader: this, Run: run, Destination: destination, Progress: progress),
            static async (s, _, ct) =>
            {
                var source = await s.Downloader.OpenAsync(s.Run, ct).ConfigureAwait(false);
                await using (source.ConfigureAwait(false))
                {
                    return await source.CopyWithProgressAsync(s.Destination, s.Progress, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);

    // A file download owns its target, so a transient failure (a body cut short, a dropped or refused
    // connection, a 5xx from the download host) starts it again from the first byte: a failed attempt's
    // temporary file is deleted before the next one writes, so bytes of two attempts never mix. A
    // download into a caller's stream, or into a device, FIFO or socket once it was opened, is never
    // restarted: what reached it cannot be taken back.
    public Task<DownloadResult> DownloadToFileAsync(ReportRun run, FileTarget target, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken) =>
        OperationScope.TraceAsync(
            ReportsOperation.DownloadToFile, run.ReportId, run.RunId, (Downloader: this, Run: run, Target: target, Progress: progress),
            static async (s, _, ct) =>
            {
                var context = ResilienceContextPool.Shared.Get(ct);
                try
                {
                    return await s.Downloader.Restarts.ExecuteAsync(
                        static async (context, s) =>
                        {
                            // Open the artifact before touching the target: a run that cannot be downloaded
                            // leaves nothing behind, and a FIFO is opened only once there are bytes for it.
                            var source = await s.Downloader.OpenAsync(s.Run, context.CancellationToken).ConfigureAwait(false);
                            await using (source.ConfigureAwait(false))
                            {
                                if (s.Target.InPlace)
                                {
                                    context.Properties.Set(WrittenInPlace, true);
                                }

                                return await s.Target.WriteAsync(
                                    (stream, ct) => source.CopyWithProgressAsync(stream, s.Progress, ct),
                                    context.CancellationToken).ConfigureAwait(false);
                            }
                        },
                        context,
                        s).ConfigureAwait(false);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                }
            },
            cancellationToken);

    // Built on first use: most applications never download to a file, and none needs it to start.
    private ResiliencePipeline Restarts => _restarts ??= new ResiliencePipelineBuilder { TimeProvider = timeProvider }
        .AddRetry(new Polly.Retry.RetryStrategyOptions
        {
            Name = "DownloadRestart",
            ShouldHandle = static args => ValueTask.FromResult(
                args.Outcome.Exception is ReportsException { IsTransient: true }
                && !args.Context.Properties.GetValue(WrittenInPlace, false)),
            MaxRetryAttempts = MaxRestarts,
            Delay = FirstRestartDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    private async Task<DownloadStream> OpenAsync(ReportRun run, CancellationToken cancellationToken)
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

            var status = (int)response.StatusCode;
            response.Dispose();
            if (status == (int)HttpStatusCode.Forbidden && !refreshed)
            {
                run = await RefreshAsync(run, cancellationToken).ConfigureAwait(false);
                refreshed = true;
                continue;
            }

            throw new ReportsException($"Download of run {run.RunId} failed: the download host answered {status}.", ErrorCodeTable.ForStatus(status, downloadHost: true), status, runId: run.RunId);
        }
    }

    private static void EnsureCompleted(ReportRun run)
    {
        if (run.Status != RunStatus.Completed)
        {
            throw new ReportsException(
                $"Run {run.RunId} cannot be downloaded: its status is '{ValueText.Escape(run.Status.ToString())}', not 'completed'. Wait for it first.",
                ReportsErrorCode.RunNotCompleted,
                runId: run.RunId);
        }
    }

    private async Task<ReportRun> RefreshAsync(ReportRun run, CancellationToken cancellationToken)
    {
        var fresh = (await transport.SendAsync(
            ReportsOperation.GetRun, static (api, id, ct) => api.GetRunAsync(id, ct), run.RunId, (run.ReportId, run.RunId), cancellationToken).ConfigureAwait(false)).Value;
        EnsureCompleted(fresh);
        if (fresh.DownloadUrl is null)
        {
            // Read fresh from the service, not from a list: the service has no URL to give.
            throw new ReportsException(
                $"Run {run.RunId} completed without a download URL, also when read again from the service: there is nothing to download (a run whose artifact is delivered to its report's destination has no URL).",
                ReportsErrorCode.NoDownloadUrl,
                runId: run.RunId);
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
            var client = httpClients.CreateClient(ReportsClientDefaults.DownloadHttpClientName);
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
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
