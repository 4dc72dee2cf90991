using System.Runtime.CompilerServices;
using System.Text;

namespace HeloData.Reports.Rows;

/// <summary>
/// A run's rows from <see cref="IReportsClient.OpenReadAsync"/>: whatever that stream is (the SDK's
/// download, or a test double's <see cref="MemoryStream"/>), its format is told by
/// <see cref="ArtifactFormat"/> from the run's download URL and the content's first bytes, and its bytes
/// read as they arrive. Never restarted: rows already handed out cannot be taken back.
/// </summary>
internal static class RunRows
{
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(IReportsClient reports, ReportRun run, string? spoolDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRow : ReportRow
    {
        var artifact = await reports.OpenReadAsync(run, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"IReportsClient.OpenReadAsync returned no stream for run {run.RunId}.");
        var rows = RowReading.ReadAsync<TRow>(artifact, leaveOpen: false, head => Format(run, head.Span), spoolDirectory, cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private static ReportFormat Format(ReportRun run, ReadOnlySpan<byte> head) =>
        ArtifactFormat.Detect(run.DownloadUrl, head)
        ?? throw new ReportsException(
            $"Run {run.RunId}'s artifact cannot be read as rows: neither its file name's extension ('{ValueText.Escape(ArtifactFormat.Extension(run.DownloadUrl))}') " +
            $"nor its first bytes ({ValueText.Quote(Encoding.UTF8.GetString(head[..Math.Min(head.Length, 32)]))}) say whether it is csv, tsv, json (NDJSON) or parquet.",
            ReportsErrorCode.InvalidResponse,
            runId: run.RunId);
}
