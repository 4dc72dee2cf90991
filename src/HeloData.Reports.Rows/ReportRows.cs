namespace HeloData.Reports.Rows;

/// <summary>
/// Reads an artifact (a file already on disk, or any stream) as a stream of typed rows, when its format
/// is known. <see cref="ReportsClientRowsExtensions.ReadRowsAsync{TRow}(IReportsClient, ReportRun, CancellationToken)"/> does the
/// same for a run's artifact straight from the download host.
/// </summary>
/// <remarks>
/// <para>
/// Columns are matched by name, in any order. A column the row type does not know is kept in
/// <see cref="ReportRow.AdditionalColumns"/>; a missing one leaves its property unset, which throws
/// <see cref="InvalidOperationException"/> naming it only when read. A value that does not parse, or a
/// malformed file, throws <see cref="ReportRowFormatException"/> naming the row, column and value;
/// nothing else leaves a read but <see cref="OperationCanceledException"/>. The rows read their stream
/// once, as they are enumerated: enumerate them once. An artifact with none of the row type's columns fails at its header: it is most likely another
/// report type.
/// </para>
/// <para>
/// csv, tsv and NDJSON rows are yielded as the bytes arrive, in constant memory; parquet one row group at
/// a time, from a temporary copy when the stream cannot seek (deleted however the read ends). gzip is
/// taken off transparently whatever the format (the first two bytes <c>1f 8b</c> decide).
/// </para>
/// </remarks>
public static class ReportRows
{
    /// <summary>
    /// The documented columns of a row type (docs/artifacts.md), in the order it lists them, each with the type of
    /// its value and a typed reader: for code that moves rows somewhere by column without naming each property.
    /// </summary>
    /// <typeparam name="TRow">The row type (<see cref="TrafficRow"/>, …); <see cref="ReportRow"/>, which knows no column, has none.</typeparam>
    /// <returns>The columns; the same instance on every call.</returns>
    /// <example>
    /// <code>
    /// foreach (var column in ReportRows.ColumnsOf&lt;TrafficRow&gt;())
    ///     Console.WriteLine($"{column.Name}: {column.ValueType.Name}");   // date: DateOnly, subuser_id: String, …
    /// </code>
    /// </example>
    public static IReadOnlyList<ReportRowColumn> ColumnsOf<TRow>()
        where TRow : ReportRow => RowKinds.Of<TRow>().RowColumns;

    /// <summary>
    /// Reads an artifact's rows as <typeparamref name="TRow"/>, and disposes <paramref name="artifact"/>
    /// when the enumeration ends (completed, failed, canceled or left early), as a <see cref="StreamReader"/>
    /// does.
    /// </summary>
    /// <typeparam name="TRow">The row type of the artifact's report (<see cref="TrafficRow"/>, …), or <see cref="ReportRow"/> for any report type.</typeparam>
    /// <param name="artifact">The artifact's bytes, gzip-compressed or not, read from its current position. Disposed when the enumeration ends.</param>
    /// <param name="format">The artifact's format: <see cref="ReportFormat.Csv"/>, <see cref="ReportFormat.Tsv"/>, <see cref="ReportFormat.Json"/> (NDJSON) or <see cref="ReportFormat.Parquet"/>.</param>
    /// <param name="cancellationToken">Stops the read; a temporary copy is deleted.</param>
    /// <returns>The rows, in file order, read as the enumeration proceeds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="artifact"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="artifact"/> cannot be read, or <paramref name="format"/> is not one of the four.</exception>
    /// <exception cref="ReportRowFormatException">While enumerating: a value or the file is malformed.</exception>
    /// <exception cref="InvalidOperationException">When enumerated a second time: the stream is read once, as the rows are enumerated.</exception>
    /// <example>
    /// <code>
    /// await foreach (var line in ReportRows.ReadAsync&lt;InvoiceRow&gt;(File.OpenRead("may.parquet"), ReportFormat.Parquet, ct))
    ///     total += line.AmountUsd;
    /// </code>
    /// </example>
#pragma warning disable RS0027 // The overload with leaveOpen takes its token without a default, so no call can bind to both; this one keeps the short form.
    public static IAsyncEnumerable<TRow> ReadAsync<TRow>(Stream artifact, ReportFormat format, CancellationToken cancellationToken = default)
#pragma warning restore RS0027
        where TRow : ReportRow =>
        ReadAsync<TRow>(artifact, format, leaveOpen: false, cancellationToken);

    /// <summary>Reads an artifact's rows as <typeparamref name="TRow"/>, leaving <paramref name="artifact"/> open when asked to (as <c>new StreamReader(stream, leaveOpen: true)</c> does).</summary>
    /// <typeparam name="TRow">The row type of the artifact's report, or <see cref="ReportRow"/> for any report type.</typeparam>
    /// <param name="artifact">The artifact's bytes, gzip-compressed or not, read from its current position.</param>
    /// <param name="format">The artifact's format: csv, tsv, json (NDJSON) or parquet.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="artifact"/> open after the enumeration; <see langword="false"/> to dispose it then.</param>
    /// <param name="cancellationToken">Stops the read; a temporary copy is deleted.</param>
    /// <returns>The rows, in file order, read as the enumeration proceeds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="artifact"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="artifact"/> cannot be read, or <paramref name="format"/> is not one of the four.</exception>
    /// <exception cref="ReportRowFormatException">While enumerating: a value or the file is malformed.</exception>
    /// <exception cref="InvalidOperationException">When enumerated a second time: the stream is read once, as the rows are enumerated.</exception>
    public static IAsyncEnumerable<TRow> ReadAsync<TRow>(Stream artifact, ReportFormat format, bool leaveOpen, CancellationToken cancellationToken)
        where TRow : ReportRow
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (!artifact.CanRead)
        {
            throw new ArgumentException("The artifact stream cannot be read.", nameof(artifact));
        }

        var known = RowReading.Known(format)
            ?? throw new ArgumentException(
                $"Artifacts of format '{ValueText.Escape(format.ToString())}' cannot be read as rows: the formats are csv, tsv, json (NDJSON) and parquet.", nameof(format));
        return new SingleUseRows<TRow>(RowReading.ReadAsync<TRow>(artifact, leaveOpen, _ => known, RowReading.DefaultSpoolDirectory, cancellationToken));
    }
}
