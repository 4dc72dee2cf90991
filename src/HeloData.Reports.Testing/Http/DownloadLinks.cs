using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Testing.State;

namespace HeloData.Reports.Testing.Http;

/// <summary>Makes and checks the signed download URLs: <c>/runs/{run_id}.{ext}?expires=…&amp;gen=…&amp;sig=…</c>.</summary>
internal sealed class DownloadLinks(Uri downloadBase, UrlSigner signer, TimeProvider time, TimeSpan lifetime)
{
    public (string Url, DateTimeOffset ExpiresAt) Sign(StoredRun run)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        var unix = expires.ToUnixTimeSeconds();
        // Only the contract's formats reach a stored run (SandboxContract.Formats), and each has an extension.
        var extension = new ReportFormat(run.Format).FileExtension
            ?? throw new InvalidOperationException($"Run {run.Id} has the format '{run.Format}', which has no known file extension.");
        var url = $"{downloadBase}runs/{Uri.EscapeDataString(run.Id)}{extension}"
            + $"?expires={unix.ToString(CultureInfo.InvariantCulture)}&gen={run.UrlGeneration.ToString(CultureInfo.InvariantCulture)}"
            + $"&sig={signer.Sign(run.Id, unix, run.UrlGeneration)}";
        return (url, expires);
    }

    /// <summary>Whether a URL's signature, expiry and generation still hold for <paramref name="run"/>.</summary>
    public bool IsValid(StoredRun run, string? expires, string? generation, string? signature) =>
        long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
        && int.TryParse(generation, NumberStyles.None, CultureInfo.InvariantCulture, out var gen)
        && signature is not null
        && signer.Verify(run.Id, unix, gen, signature)
        && time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(unix)
        && gen == run.UrlGeneration;
}
