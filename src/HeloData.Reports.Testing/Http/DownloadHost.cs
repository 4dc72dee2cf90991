using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.Faults;
using HeloData.Reports.Testing.State;
using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// The download host, a server of its own like a real object store: it serves an artifact to anyone
/// holding a valid signed URL, answers <c>403</c> once the URL has expired, and refuses (and logs) any
/// request that carries an <c>Authorization</c> header, so a leaked API key shows up in tests.
/// </summary>
internal sealed class DownloadHost(SandboxStore store, DownloadLinks links, SandboxFaults faults, RequestLog log, int seed, CancellationToken stopping)
{
    /// <summary>How much of the artifact a truncated or stalled download sends: a part, never all of it.</summary>
    private const int PartBytes = 16 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await request.ReadBodyAsync(context.RequestAborted).ConfigureAwait(false);
        var (response, fault) = await RespondAsync(request).ConfigureAwait(false);

        // A cut or stalled download is logged as a dropped connection (0), as the client never gets an answer whole.
        log.Add("downloads", request, body, fault == DownloadFault.None ? response.Status : 0);
        if (fault == DownloadFault.None)
        {
            await response.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The whole artifact's Content-Length is promised and part of it sent. Kestrel closes the connection
        // of a response shorter than its Content-Length once the handler returns, after sending what was
        // written (HttpContext.Abort would discard it): at once (truncate), or after a silence that lasts
        // until the client gives up or the sandbox stops (stall).
        await response.WriteAsync(context.Response, context.RequestAborted, Math.Min(PartBytes, response.Body!.Length / 2)).ConfigureAwait(false);
        if (fault == DownloadFault.Stall)
        {
            await SilenceAsync(context.RequestAborted).ConfigureAwait(false);
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

        run.Artifact ??= await ArtifactGenerator.GenerateAsync(new ArtifactRequest(run.Id, run.Type, run.Format, run.From, run.To, run.Products, seed)).ConfigureAwait(false);
        return (WireResponse.Bytes(200, run.Artifact, SandboxArtifacts.ContentType(run.Format), file), faults.NextDownload());
    }
}
