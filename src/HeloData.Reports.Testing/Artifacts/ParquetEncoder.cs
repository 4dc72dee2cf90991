using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Parquet with Parquet.Net: required (non-null) typed columns, Snappy compression, one row group per
/// <see cref="RowGroupSize"/> rows (so one for a window-sized artifact). The footer's <c>created_by</c>
/// is Parquet.Net's fixed version string and nothing time-dependent is written, so the bytes are as
/// deterministic as the rows.
/// </summary>
/// <remarks>
/// Parquet.Net writes and flushes synchronously and, given a stream it cannot seek, counts the offsets
/// it records itself; so each row group is written to <see cref="PendingBytes"/> and handed on once
/// complete, then the footer. Memory holds one row group at a time, whatever the row count.
/// </remarks>
internal static class ParquetEncoder
{
    /// <summary>The rows of a row group; every row group but the last has this many.</summary>
    public const int RowGroupSize = 100_000;

    // Enough digits for any amount the sandbox bills while still fitting parquet's INT64 decimals.
    private const int DecimalPrecision = 18;

    public static async Task WriteAsync(ArtifactTable table, Stream output, CancellationToken cancellationToken, int rowGroupSize = RowGroupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowGroupSize);
        var fields = table.Columns.Select(Field).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var pending = new PendingBytes();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), pending, options, false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var rows = table.Rows.GetEnumerator();
            var batch = new List<object[]>();
            var groups = 0;
            while (true)
            {
                batch.Clear();
                while (batch.Count < rowGroupSize && rows.MoveNext())
                {
                    batch.Add(rows.Current);
                }

                // An artifact without rows still has one (empty) row group, as it always had.
                if (batch.Count == 0 && groups > 0)
                {
                    break;
                }

                await WriteRowGroupAsync(writer, fields, table.Columns, batch, cancellationToken).ConfigureAwait(false);
                groups++;
                await pending.DrainAsync(output, cancellationToken).ConfigureAwait(false);
                if (batch.Count < rowGroupSize)
                {
                    break;
                }
            }
        }

        // The footer, written when the writer was disposed.
        await pending.DrainAsync(output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteRowGroupAsync(
        ParquetWriter writer, DataField[] fields, IReadOnlyList<ArtifactColumn> columns, List<object[]> rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            await WriteColumnAsync(group, fields[i], columns[i].Kind, rows, i, cancellationToken).ConfigureAwait(false);
        }

        group.CompleteValidate();
    }

    private static DataField Field(ArtifactColumn column) => column.Kind switch
    {
        ColumnKind.Text => new DataField<string>(column.Name, nullable: false),
        ColumnKind.Int32 => new DataField<int>(column.Name),
        ColumnKind.Int64 => new DataField<long>(column.Name),
        ColumnKind.Decimal => new DecimalDataField(column.Name, DecimalPrecision, column.Scale),
        ColumnKind.Date => new DataField<DateOnly>(column.Name),
        ColumnKind.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis),
        _ => throw new InvalidOperationException($"Unknown column kind {column.Kind}."),
    };

    private static Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, ColumnKind kind, List<object[]> rows, int index, CancellationToken cancellationToken) =>
        kind switch
        {
            ColumnKind.Text => group.WriteAsync(field, Values<string>(rows, index)),
            ColumnKind.Int32 => group.WriteAsync<int>(field, Values<int>(rows, index), cancellationToken: cancellationToken),
            ColumnKind.Int64 => group.WriteAsync<long>(field, Values<long>(rows, index), cancellationToken: cancellationToken),
            ColumnKind.Decimal => group.WriteAsync<decimal>(field, Values<decimal>(rows, index), cancellationToken: cancellationToken),
            ColumnKind.Date => group.WriteAsync<DateOnly>(field, Values<DateOnly>(rows, index), cancellationToken: cancellationToken),
            ColumnKind.Timestamp => group.WriteAsync<DateTime>(field, Values<DateTime>(rows, index), cancellationToken: cancellationToken),
            _ => throw new InvalidOperationException($"Unknown column kind {kind}."),
        };

    private static T[] Values<T>(List<object[]> rows, int index)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (T)rows[i][index];
        }

        return values;
    }
}
