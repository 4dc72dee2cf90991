using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Models;

/// <summary>
/// Parquet with Parquet.Net's low-level reader (its class serializer compiles expressions, which
/// Native AOT cannot), one row group at a time: memory follows the largest row group, not the file.
/// Parquet keeps its index at the end of the file, so a stream that cannot seek (a download, gzip)
/// is first copied to a temporary file, deleted however the read ends.
/// </summary>
internal static class ParquetRowReader
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    public static async IAsyncEnumerable<ReportRow> ReadAsync(ArtifactContent content, RowKind kind, string spoolDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? spoolPath = null;
        Stream? spool = null;
        try
        {
            var source = content.Stream;
            if (!content.SeekableFromStart)
            {
                (spool, spoolPath) = await SpoolAsync(content.Stream, spoolDirectory, cancellationToken).ConfigureAwait(false);
                source = spool;
            }

            var reader = await OpenAsync(source, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var (shape, columns) = Layout(reader, kind);
                var cells = new CellWriter();
                long number = 0;
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    // Kept open while its rows are made: string values point into its pages.
                    using var group = reader.OpenRowGroupReader(g);
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

            TryDelete(spoolPath);
        }
    }

    private static async Task<ParquetReader> OpenAsync(Stream source, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(source, Options, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsParquetProblem(exception))
        {
            throw new ReportRowFormatException(
                $"The artifact is not a readable parquet file (cut short, or another format): {ValueText.Escape(exception.Message)}", 0, innerException: exception);
        }
    }

    private static (RowShape Shape, ParquetColumn[] Columns) Layout(ParquetReader reader, RowKind kind)
    {
        var fields = new List<DataField>();
        foreach (var field in reader.Schema.Fields)
        {
            if (field is not DataField data || data.MaxRepetitionLevel > 0)
            {
                throw new ReportRowFormatException(
                    $"The parquet column '{ValueText.Escape(field.Name)}' is nested or repeated ({field.SchemaType}); an artifact's columns are flat values.", 0, field.Name);
            }

            fields.Add(data);
        }

        var shape = RowShape.Create(kind, [.. fields.Select(field => field.Name)]);
        shape.EnsureFits();
        var columns = new ParquetColumn[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var known = shape.KnownOf[i];
            var cellKind = known < 0 ? CellKind.Text : kind.Columns[known].Kind;
            if (known >= 0 && !ParquetColumn.CanFeed(fields[i].ClrType, cellKind))
            {
                var column = kind.Columns[known];
                throw new ReportRowFormatException(
                    $"The parquet column '{column.Name}' holds {ParquetColumn.Describe(fields[i])} values; {kind.RowType}.{column.Property} needs {CellWriter.Expected(cellKind)}.",
                    0,
                    column.Name);
            }

            columns[i] = ParquetColumn.Create(fields[i], new ParquetTarget(known, cellKind, shape.ExtraOf[i]));
        }

        return (shape, columns);
    }

    /// <summary>Reads a row group's values into the columns (in place of the previous group's); returns its row count.</summary>
    private static async Task<int> ReadGroupAsync(ParquetRowGroupReader group, ParquetColumn[] columns, long rowsBefore, CancellationToken cancellationToken)
    {
        if (group.RowCount > int.MaxValue)
        {
            throw new ReportRowFormatException($"A parquet row group after row {rowsBefore} holds {group.RowCount} rows, more than one read can hold.", rowsBefore + 1);
        }

        var rows = (int)group.RowCount;
        foreach (var column in columns)
        {
            try
            {
                await column.ReadAsync(group, rows, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsParquetProblem(exception))
            {
                throw new ReportRowFormatException(
                    $"The parquet column '{ValueText.Escape(column.Name)}' of the row group after row {rowsBefore} cannot be read (the file may be cut short or damaged): {ValueText.Escape(exception.Message)}",
                    rowsBefore + 1,
                    column.Name,
                    innerException: exception);
            }
        }

        return rows;
    }

    private static async Task<(Stream Spool, string Path)> SpoolAsync(Stream source, string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"helodata-rows-{Guid.NewGuid():N}.parquet");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await source.CopyToAsync(spool, 81920, cancellationToken).ConfigureAwait(false);
            spool.Position = 0;
            return (spool, path);
        }
        catch (Exception exception)
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            TryDelete(path);
            if (RowErrors.IsContentProblem(exception))
            {
                throw RowErrors.Wrap(exception, 0);
            }

            throw;
        }
    }

    // DeleteOnClose normally removes it already; this covers file systems where it does not.
    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // What a damaged or foreign file makes Parquet.Net throw; never cancellation or a download failure.
    private static bool IsParquetProblem(Exception exception) =>
        exception is not OperationCanceledException and not ReportsException and not ReportRowFormatException and not OutOfMemoryException;
}
