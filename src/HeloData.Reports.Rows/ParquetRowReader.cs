using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Rows;

/// <summary>
/// Parquet with Parquet.Net's low-level reader (its class serializer compiles expressions, which
/// Native AOT cannot), one row group at a time: memory follows the largest row group, not the file.
/// Parquet keeps its index at the end of the file, so a stream that cannot seek (a download, gzip)
/// is first copied to a temporary file only this user can read (<see cref="SpoolFile"/>), deleted
/// however the read ends. Whatever Parquet.Net throws about a damaged file becomes a
/// <see cref="ReportRowFormatException"/> saying where (the footer, a row group, a column).
/// </summary>
internal static class ParquetRowReader
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    public static async IAsyncEnumerable<ReportRow> ReadAsync(ArtifactContent content, RowKind kind, string? spoolDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SpoolFile? spool = null;
        try
        {
            var source = content.Stream;
            if (!content.SeekableFromStart)
            {
                spool = await SpoolAsync(content.Stream, spoolDirectory, cancellationToken).ConfigureAwait(false);
                source = spool.Stream;
            }

            var reader = await OpenAsync(new EndCheckedStream(source), cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var (shape, columns) = Layout(reader, kind);
                var cells = new CellWriter();
                long number = 0;
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    // Kept open while its rows are made: string values point into its pages.
                    using var group = OpenGroup(reader, g, number);
                    var rows = columns.Length == 0 ? 0 : await ReadGroupAsync(group, columns, number, cancellationToken).ConfigureAwait(false);
                    for (var r = 0; r < rows; r++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var row = kind.Create(shape, ++number);
                        foreach (var column in columns)
                        {
                            column.Apply(row, r, cells);
                        }

                        yield return row;
                    }
                }
            }
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<ParquetReader> OpenAsync(Stream source, CancellationToken cancellationToken)
    {
        try
        {
            await ParquetFooter.CheckAsync(source, cancellationToken).ConfigureAwait(false);
            return await ParquetReader.CreateAsync(source, Options, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsParquetProblem(exception))
        {
            throw new ReportRowFormatException(
                $"The artifact is not a readable parquet file (cut short, or another format): {Why(exception)}", 0, innerException: exception);
        }
    }

    private static ParquetRowGroupReader OpenGroup(ParquetReader reader, int index, long rowsBefore)
    {
        try
        {
            return reader.OpenRowGroupReader(index);
        }
        catch (Exception exception) when (IsParquetProblem(exception))
        {
            throw new ReportRowFormatException(
                $"The parquet row group {index} (after row {rowsBefore}) cannot be opened (the file may be damaged): {Why(exception)}", rowsBefore + 1, innerException: exception);
        }
    }

    /// <summary>
    /// The file's flat columns, each with its reader. A nested (struct, map, list) or repeated column has
    /// no single value per row to give as text, so it is left out, as a column the row type does not know
    /// may be; so is a flat column of a type the SDK has no reading of, unless the row type documents it.
    /// </summary>
    private static (RowShape Shape, ParquetColumn[] Columns) Layout(ParquetReader reader, RowKind kind)
    {
        var fields = new List<DataField>();
        foreach (var field in Schema(reader).Fields)
        {
            if (field is DataField { MaxRepetitionLevel: 0 } data && (kind.IndexOf(data.Name) >= 0 || ParquetColumn.Create(data, new ParquetTarget(-1, CellKind.Text, 0)) is not null))
            {
                fields.Add(data);
            }
        }

        var shape = RowShape.Create(kind, [.. fields.Select(field => field.Name)]);
        shape.EnsureFits();
        var columns = new ParquetColumn[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var known = shape.KnownOf[i];
            var cellKind = known < 0 ? CellKind.Text : kind.Columns[known].Kind;
            var column = known >= 0 && !ParquetColumn.CanFeed(fields[i], cellKind) ? null : ParquetColumn.Create(fields[i], new ParquetTarget(known, cellKind, shape.ExtraOf[i]));
            if (column is null)
            {
                var documented = kind.Columns[known];
                throw new ReportRowFormatException(
                    $"The parquet column '{documented.Name}' holds {ParquetColumn.Describe(fields[i])} values; {kind.RowType}.{documented.Property} needs {CellWriter.Expected(cellKind)}.",
                    0,
                    documented.Name);
            }

            columns[i] = column;
        }

        return (shape, columns);
    }

    private static ParquetSchema Schema(ParquetReader reader)
    {
        try
        {
            return reader.Schema;
        }
        catch (Exception exception) when (IsParquetProblem(exception))
        {
            throw new ReportRowFormatException(
                $"The parquet file's schema cannot be read (the file may be damaged, or use a layout Parquet.Net does not know): {Why(exception)}", 0, innerException: exception);
        }
    }

    /// <summary>Reads a row group's values into the columns (in place of the previous group's); returns its row count.</summary>
    private static async Task<int> ReadGroupAsync(ParquetRowGroupReader group, ParquetColumn[] columns, long rowsBefore, CancellationToken cancellationToken)
    {
        if (group.RowCount is < 0 or > int.MaxValue)
        {
            throw new ReportRowFormatException($"A parquet row group after row {rowsBefore} says it holds {group.RowCount} rows, which no read can hold (the file may be damaged).", rowsBefore + 1);
        }

        var rows = (int)group.RowCount;
        foreach (var column in columns)
        {
            try
            {
                // A flat column holds one value (or null) per row: a count that disagrees is a damaged footer, refused before buffers are sized by it.
                var stored = column.StoredValues(group);
                if (stored != rows)
                {
                    throw new InvalidDataException($"it holds {stored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values for the group's {rows} rows");
                }

                await column.ReadAsync(group, rows, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsParquetProblem(exception))
            {
                throw new ReportRowFormatException(
                    $"The parquet column '{ValueText.Escape(column.Name)}' of the row group after row {rowsBefore} cannot be read (the file may be cut short or damaged): {Why(exception)}",
                    rowsBefore + 1,
                    column.Name,
                    innerException: exception);
            }
        }

        return rows;
    }

    private static async Task<SpoolFile> SpoolAsync(Stream source, string? directory, CancellationToken cancellationToken)
    {
        var spool = SpoolFile.Create(directory, ".parquet");
        try
        {
            await source.CopyToAsync(spool.Stream, 81920, cancellationToken).ConfigureAwait(false);
            spool.Stream.Position = 0;
            return spool;
        }
        catch (Exception exception)
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            if (RowErrors.IsContentProblem(exception))
            {
                throw RowErrors.Wrap(exception, 0);
            }

            throw;
        }
    }

    private static string Why(Exception exception) =>
        exception is OutOfMemoryException
            ? "Parquet.Net ran out of memory (a damaged length in the file can ask for gigabytes at once, or a row group is larger than this process can hold)"
            : ValueText.Escape(exception.Message);

    /// <summary>
    /// What a damaged or foreign file makes Parquet.Net throw; never cancellation or a download failure.
    /// That includes <see cref="OutOfMemoryException"/>: Parquet.Net allocates whatever a length in the
    /// file says before it reads (a damaged page header can ask for 2 GiB at once), and a refused
    /// allocation of that kind leaves nothing behind. Only Parquet.Net's calls are covered by this; the
    /// message says memory may be the cause.
    /// </summary>
    private static bool IsParquetProblem(Exception exception) =>
        exception is not OperationCanceledException and not ReportsException and not ReportRowFormatException;
}
