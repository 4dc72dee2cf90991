using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Parquet with Parquet.Net: one row group, required (non-null) typed columns, Snappy compression.
/// The footer's <c>created_by</c> is Parquet.Net's fixed version string and nothing time-dependent is
/// written, so the bytes are as deterministic as the rows.
/// </summary>
internal static class ParquetEncoder
{
    // Enough digits for any amount the sandbox bills while still fitting parquet's INT64 decimals.
    private const int DecimalPrecision = 18;

    public static async Task<byte[]> EncodeAsync(ArtifactTable table, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select(Field).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        using var stream = new MemoryStream();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options, false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                await WriteAsync(group, fields[i], table, i, cancellationToken).ConfigureAwait(false);
            }

            group.CompleteValidate();
        }

        return stream.ToArray();
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

    private static Task WriteAsync(ParquetRowGroupWriter group, DataField field, ArtifactTable table, int index, CancellationToken cancellationToken) =>
        table.Columns[index].Kind switch
        {
            ColumnKind.Text => group.WriteAsync(field, Values<string>(table, index)),
            ColumnKind.Int32 => group.WriteAsync<int>(field, Values<int>(table, index), cancellationToken: cancellationToken),
            ColumnKind.Int64 => group.WriteAsync<long>(field, Values<long>(table, index), cancellationToken: cancellationToken),
            ColumnKind.Decimal => group.WriteAsync<decimal>(field, Values<decimal>(table, index), cancellationToken: cancellationToken),
            ColumnKind.Date => group.WriteAsync<DateOnly>(field, Values<DateOnly>(table, index), cancellationToken: cancellationToken),
            ColumnKind.Timestamp => group.WriteAsync<DateTime>(field, Values<DateTime>(table, index), cancellationToken: cancellationToken),
            _ => throw new InvalidOperationException($"Unknown column kind {table.Columns[index].Kind}."),
        };

    private static T[] Values<T>(ArtifactTable table, int index) => table.Rows.Select(row => (T)row[index]).ToArray();
}
