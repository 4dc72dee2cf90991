using System.Runtime.CompilerServices;
using System.Text;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// A run's rows straight from the download host: the artifact is opened by the SDK's own download
/// path (<see cref="ArtifactDownloader"/>: no API key there, an expired URL refreshed once, the idle
/// timeout, typed errors), its format told by <see cref="ArtifactFormat"/>, and its bytes read as they
/// arrive. Never restarted: rows already handed out cannot be taken back.
/// </summary>
internal static class RunRows
{
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(ArtifactDownloader downloads, ReportRun run, string? spoolDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRow : ReportRow
    {
        var download = await downloads.OpenDownloadAsync(run, cancellationToken).ConfigureAwait(false);
        var rows = RowReading.ReadAsync<TRow>(download, leaveOpen: false, head => Format(download, run, head.Span), spoolDirectory, cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private static ReportFormat Format(DownloadStream download, ReportRun run, ReadOnlySpan<byte> head) =>
        ArtifactFormat.Detect(download.ContentType, download.Url, head)
        ?? throw new ReportsException(
            $"Run {run.RunId}'s artifact cannot be read as rows: neither its Content-Type ('{ValueText.Escape(download.ContentType ?? "none")}'), " +
            $"nor its file name's extension ('{ValueText.Escape(ArtifactFormat.Extension(download.Url))}'), nor its first bytes " +
            $"({ValueText.Quote(Encoding.UTF8.GetString(head[..Math.Min(head.Length, 32)]))}) say whether it is csv, tsv, json (NDJSON) or parquet.",
            ReportsErrorCode.InvalidResponse,
            runId: run.RunId);
}
