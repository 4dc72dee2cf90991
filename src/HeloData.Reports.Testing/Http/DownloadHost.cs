using System.IO.Compression;
using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.State;
using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// The download host, a server of its own like a real object store: it serves an artifact to anyone
/// holding a valid signed URL, answers <c>403</c> once the URL has expired, and refuses (and logs) any
/// request that carries an <c>Authorization</c> header, so a leaked API key shows up in tests.
/// </summary>
/// <remarks>
/// A run's artifact is generated whole on its first download and kept, and sent with its
/// <c>Content-Length</c>; the artifact of a run accepted with a row count
/// (<see cref="StoredRun.ArtifactRowCount"/>) is generated again for each download as it is sent, in
/// constant memory, chunked. Either may be gzip-compressed on the way out (<see cref="Compression"/>).
/// </remarks>
internal sealed class DownloadHost(
    SandboxStore store, DownloadLinks links, SandboxFaults faults, RequestLog log, int seed, ArtifactCompression compression, CancellationToken stopping)
{
    /// <summary>How much of the artifact a truncated or stalled download sends: a part, never all of it.</summary>
    private const int PartBytes = 16 * 1024;

    // Speed over size: a streamed artifact is compressed while the client waits for it.
    private const CompressionLevel GzipLevel = CompressionLevel.Fastest;

    private volatile ArtifactCompression _compression = compression;

    /// <summary>How the artifacts of the next downloads are compressed.</summary>
    public ArtifactCompression Compression
    {
        get => _compression;
        set => _compression = value;
    }

    private readonly RowCounter _streamedRows = new();

    /// <summary>The rows generated so far for streamed artifacts, all downloads together: lets a test see a download stream.</summary>
    public long StreamedRows => _streamedRows.Count;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await request.ReadBodyAsync(context.RequestAborted).ConfigureAwait(false);
        var (response, fault) = await RespondAsync(request).ConfigureAwait(false);

        // A cut or stalled download is logged as a dropped connection (0), as the client never gets an answer whole.
        log.Add("downloads", request, body, fault == DownloadFault.None ? response.Status : 0);

        // A streamed artifact is still being generated when the sandbox stops: it stops too.
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        if (fault == DownloadFault.None)
        {
            await response.WriteAsync(context.Response, sending.Token).ConfigureAwait(false);
            return;
        }

        // The whole artifact's Content-Length is promised and part of it sent. Kestrel closes the connection
        // of a response shorter than its Content-Length once the handler returns, after sending what was
        // written (HttpContext.Abort would discard it): at once (truncate), or after a silence that lasts
        // until the client gives up or the sandbox stops (stall). A streamed artifact promises no length:
        // its first bytes are sent and the chunked body is left without its final chunk.
        var part = response.Body is { } whole ? Math.Min(PartBytes, whole.Length / 2) : PartBytes;
        await response.WriteAsync(context.Response, sending.Token, part).ConfigureAwait(false);
        if (fault == DownloadFault.Stall)
        {
            await SilenceAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (response.IsStreamed)
        {
            throw new ResponseCutException();
        }
    }

    private async Task SilenceAsync(CancellationToken clientLeft)
    {
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(clientLeft, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, silence.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<(WireResponse Response, DownloadFault Fault)> RespondAsync(HttpRequest request)
    {
        if (request.HasAuthorization())
        {
            return (WireResponse.Text(400, "Only the signature in the URL is accepted here: a request must not carry an Authorization header."), DownloadFault.None);
        }

        var path = request.RawPath();
        var file = path.StartsWith("/runs/", StringComparison.Ordinal) ? Uri.UnescapeDataString(path["/runs/".Length..]) : null;
        var runId = file is null ? null : file[..Math.Max(0, file.LastIndexOf('.'))];
        var run = string.IsNullOrEmpty(runId) || request.Method != "GET" ? null : store.FindKeptRun(runId);
        if (run is null)
        {
            return (WireResponse.Text(404, "No such object."), DownloadFault.None);
        }

        if (!links.IsValid(run, request.QueryValue("expires"), request.QueryValue("gen"), request.QueryValue("sig")))
        {
            return (WireResponse.Text(403, "Request has expired or its signature does not match."), DownloadFault.None);
        }

        var artifact = new ArtifactRequest(run.Id, run.Type, run.Format, run.From, run.To, run.Products, seed, run.ArtifactRowCount);
        var contentType = SandboxArtifacts.ContentType(run.Format);
        var compression = Compression;
        WireResponse response;
        if (run.ArtifactRowCount is null)
        {
            run.Artifact ??= await ArtifactGenerator.GenerateAsync(artifact).ConfigureAwait(false);
            response = WireResponse.Bytes(200, compression == ArtifactCompression.None ? run.Artifact : Gzip(run.Artifact), contentType, file);
        }
        else
        {
            response = WireResponse.Streamed(200, contentType, file, (output, cancellationToken) => WriteStreamedAsync(artifact, compression, output, cancellationToken));
        }

        // GzipBody says nothing: the artifact's Content-Type and file name stay, and only the bytes tell.
        if (compression == ArtifactCompression.ContentEncoding)
        {
            response.WithHeader("Content-Encoding", "gzip");
        }

        return (response, faults.NextDownload());
    }

    private async Task WriteStreamedAsync(ArtifactRequest artifact, ArtifactCompression compression, Stream output, CancellationToken cancellationToken)
    {
        if (compression == ArtifactCompression.None)
        {
            await ArtifactGenerator.WriteAsync(artifact, output, cancellationToken, _streamedRows).ConfigureAwait(false);
            return;
        }

        // Disposed asynchronously: the gzip trailer goes out with an asynchronous write, as the response body requires.
        var gzip = new GZipStream(output, GzipLevel, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            await ArtifactGenerator.WriteAsync(artifact, gzip, cancellationToken, _streamedRows).ConfigureAwait(false);
        }
    }

    private static byte[] Gzip(byte[] artifact)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, GzipLevel, leaveOpen: true))
        {
            gzip.Write(artifact);
        }

        return compressed.ToArray();
    }
}
