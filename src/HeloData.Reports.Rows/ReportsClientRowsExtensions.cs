namespace HeloData.Reports.Rows;

/// <summary>
/// Reads a completed run's artifact as typed rows through <see cref="IReportsClient.OpenReadAsync"/>,
/// so a test double whose <c>OpenReadAsync</c> returns a stream of a csv, tsv, NDJSON or parquet file
/// (plain or gzip) is all an application's row-reading code needs in a test.
/// </summary>
public static class ReportsClientRowsExtensions
{
    /// <summary>
    /// Reads a completed run's artifact as typed rows, straight from the download host, as the bytes
    /// arrive: <c>await foreach (TrafficRow row in reports.ReadRowsAsync&lt;TrafficRow&gt;(run, ct))</c>.
    /// </summary>
    /// <typeparam name="TRow">The row type of the run's report type (<see cref="TrafficRow"/> for <c>traffic</c>, …), or <see cref="ReportRow"/> for any.</typeparam>
    /// <param name="reports">The client whose <see cref="IReportsClient.OpenReadAsync"/> opens the artifact.</param>
    /// <param name="run">A completed run.</param>
    /// <param name="cancellationToken">Stops the download and the read.</param>
    /// <returns>The rows, in file order. Each enumeration opens the artifact again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or <paramref name="run"/> is <see langword="null"/> (thrown at the call, before anything is sent).</exception>
    /// <exception cref="ReportsException">While enumerating: the download failed, as for <see cref="IReportsClient.OpenReadAsync"/>, or the artifact's format cannot be told (<see cref="ReportsErrorCode.InvalidResponse"/>).</exception>
    /// <exception cref="ReportRowFormatException">While enumerating: a value or the file is malformed.</exception>
    /// <remarks>
    /// The download is <see cref="IReportsClient.OpenReadAsync"/>'s: no API key to the download host, an
    /// expired URL refreshed once, the idle timeout. It is never restarted, since rows already read cannot
    /// be taken back. gzip is taken off by its first bytes. The format comes from the content's first
    /// bytes when they are parquet's, else the extension of the run's download URL (<c>.csv</c>,
    /// <c>.tsv</c>, <c>.ndjson</c>, <c>.parquet</c>, with or without <c>.gz</c>), else an NDJSON line's
    /// opening brace, else the header line's separator (tab or comma). Columns, errors and memory: see
    /// <see cref="ReportRows"/>.
    /// </remarks>
    public static IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(this IReportsClient reports, ReportRun run, CancellationToken cancellationToken = default)
        where TRow : ReportRow
    {
        // Checked here, at the call: an iterator would only check once enumerated.
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(run);
        return RunRows.ReadAsync<TRow>(reports, run, RowReading.DefaultSpoolDirectory, cancellationToken);
    }

    /// <summary>
    /// Reads a completed run's artifact as rows of text by column name, for any report type, including one
    /// this SDK version does not know: <c>row["product"]</c>.
    /// </summary>
    /// <param name="reports">The client whose <see cref="IReportsClient.OpenReadAsync"/> opens the artifact.</param>
    /// <param name="run">A completed run.</param>
    /// <param name="cancellationToken">Stops the download and the read.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or <paramref name="run"/> is <see langword="null"/> (thrown at the call, before anything is sent).</exception>
    /// <remarks>The same as <see cref="ReadRowsAsync{TRow}(IReportsClient, ReportRun, CancellationToken)"/> with <see cref="ReportRow"/>.</remarks>
    public static IAsyncEnumerable<ReportRow> ReadRowsAsync(this IReportsClient reports, ReportRun run, CancellationToken cancellationToken = default) =>
        ReadRowsAsync<ReportRow>(reports, run, cancellationToken);
}
