using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.Faults;
using HeloData.Reports.Testing.State;
using WireMock;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// The download host, a server of its own like a real object store: it serves an artifact to anyone
/// holding a valid signed URL, answers <c>403</c> once the URL has expired, and refuses (and logs) any
/// request that carries an <c>Authorization</c> header, so a leaked API key shows up in tests.
/// </summary>
internal sealed class DownloadHost(SandboxStore store, DownloadLinks links, SandboxFaults faults, RequestLog log, ConnectionDropper dropper, int seed)
{
    public IResponseMessage Handle(IRequestMessage request)
    {
        var response = Respond(request);
        var dropped = response.StatusCode is 307;
        log.Add("downloads", request, dropped ? 0 : (int)response.StatusCode!);
        return response;
    }

    private WireMock.ResponseMessage Respond(IRequestMessage request)
    {
        if (request.Headers?.Keys.Any(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase)) == true)
        {
            return WireResponses.Text(400, "Only the signature in the URL is accepted here: a request must not carry an Authorization header.");
        }

        var path = new Uri(request.Url).AbsolutePath;
        var file = path.StartsWith("/runs/", StringComparison.Ordinal) ? Uri.UnescapeDataString(path["/runs/".Length..]) : null;
        var runId = file is null ? null : file[..Math.Max(0, file.LastIndexOf('.'))];
        var run = string.IsNullOrEmpty(runId) || request.Method != "GET" ? null : store.FindKeptRun(runId);
        if (run is null)
        {
            return WireResponses.Text(404, "No such object.");
        }

        if (!links.IsValid(run, Query(request, "expires"), Query(request, "gen"), Query(request, "sig")))
        {
            return WireResponses.Text(403, "Request has expired or its signature does not match.");
        }

        switch (faults.NextDownload())
        {
            case DownloadFault.Truncate:
                return WireResponses.RedirectTo(dropper.TruncateUrl);
            case DownloadFault.Stall:
                return WireResponses.RedirectTo(dropper.StallUrl);
        }

        run.Artifact ??= ArtifactGenerator.Generate(new ArtifactRequest(run.Id, run.Type, run.Format, run.From, run.To, run.Products, seed));
        return WireResponses.Bytes(200, run.Artifact, SandboxArtifacts.ContentType(run.Format), file);
    }

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
}
