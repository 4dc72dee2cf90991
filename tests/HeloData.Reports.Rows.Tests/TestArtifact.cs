using System.Globalization;
using System.IO.Compression;
using System.Text;
using HeloData.Reports.Models;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Rows.Tests;

/// <summary>How a test column is typed in parquet and spelled in NDJSON (a JSON number or string).</summary>
internal enum Kind
{
    Text,
    Int32,
    Int64,
    Decimal,
    Date,
    Timestamp,
}

internal sealed record TestColumn(string Name, Kind Kind);

/// <summary>
/// A small artifact written by hand in each of the four formats, spelled as docs/artifacts.md says
/// (csv quoted per RFC 4180 with CRLF, tsv with LF, NDJSON numbers bare, parquet typed and REQUIRED),
/// so every reader can be checked against the same rows.
/// </summary>
internal sealed class TestArtifact(IReadOnlyList<TestColumn> columns, IReadOnlyList<string[]> rows)
{
    public static readonly ReportFormat[] Formats = [ReportFormat.Csv, ReportFormat.Tsv, ReportFormat.Json, ReportFormat.Parquet];

    public IReadOnlyList<TestColumn> Columns => columns;

    public IReadOnlyList<string[]> Rows => rows;

    public static TestArtifact Traffic { get; } = new(
        [new("date", Kind.Date), new("subuser_id", Kind.Text), new("product", Kind.Text), new("bandwidth_bytes", Kind.Int64), new("requests", Kind.Int64)],
        [
            ["2026-05-01", "su_27c4", "residential", "4082297694", "50982"],
            ["2026-05-01", "su_27c4", "mobile", "475903850", "9017"],
            ["2026-05-02", "su_4a08", "isp", "8892276666", "102755"],
        ]);

    public static TestArtifact Requests { get; } = new(
        [new("timestamp", Kind.Timestamp), new("subuser_id", Kind.Text), new("product", Kind.Text), new("target_host", Kind.Text), new("country", Kind.Text), new("status_code", Kind.Int32), new("bytes", Kind.Int64), new("latency_ms", Kind.Int32)],
        [["2026-05-01T03:05:46Z", "su_27c4", "residential", "search.example.net", "BR", "200", "527685", "294"]]);

    public static TestArtifact Invoices { get; } = new(
        [new("invoice_id", Kind.Text), new("line_id", Kind.Text), new("issued_on", Kind.Date), new("period_start", Kind.Date), new("period_end", Kind.Date), new("product", Kind.Text), new("description", Kind.Text), new("quantity", Kind.Decimal), new("unit", Kind.Text), new("unit_price_usd", Kind.Decimal), new("amount_usd", Kind.Decimal)],
        [["inv_2TM24P5249", "li_VHYQA2QYH7", "2026-05-28", "2026-05-01", "2026-05-28", "residential", "Residential proxy bandwidth, 2026-05-01 to 2026-05-28", "576.688", "GB", "3.4500", "1989.57"]]);

    public static TestArtifact Subusers { get; } = new(
        [new("subuser_id", Kind.Text), new("name", Kind.Text), new("status", Kind.Text), new("created_at", Kind.Timestamp), new("bandwidth_limit_bytes", Kind.Int64), new("bandwidth_used_bytes", Kind.Int64), new("products", Kind.Text)],
        [
            ["su_27c4", "équipe-paris", "active", "2025-07-22T03:59:02Z", "1073741824000", "580894326784", "residential;mobile"],
            ["su_4a08", "catalog-sync", "suspended", "2025-08-01T00:00:00Z", "1000", "1000", ""],
        ]);

    public static TestArtifact IspBatches { get; } = new(
        [new("batch_id", Kind.Text), new("ip", Kind.Text), new("country", Kind.Text), new("asn", Kind.Int64), new("status", Kind.Text), new("health_score", Kind.Int32), new("last_checked_at", Kind.Timestamp)],
        [["ispb_b965", "198.51.100.82", "NL", "64509", "healthy", "86", "2026-05-28T09:19:22Z"]]);

    /// <summary>The same rows with the columns in another order.</summary>
    public TestArtifact Reversed() => new([.. columns.Reverse()], [.. rows.Select(row => row.Reverse().ToArray())]);

    /// <summary>The same rows with one more column, holding <paramref name="value"/> on every row.</summary>
    public TestArtifact With(TestColumn column, string value) => new([.. columns, column], [.. rows.Select(row => (string[])[.. row, value])]);

    /// <summary>The rows over and over, <paramref name="times"/> times: a body far longer than any reader's buffer.</summary>
    public TestArtifact Repeated(int times) => new(columns, [.. Enumerable.Repeat(rows, times).SelectMany(batch => batch)]);

    /// <summary>The same rows without a column.</summary>
    public TestArtifact Without(string name)
    {
        var index = columns.ToList().FindIndex(c => c.Name == name);
        return new([.. columns.Where((_, i) => i != index)], [.. rows.Select(row => row.Where((_, i) => i != index).ToArray())]);
    }

    /// <summary>The same columns with one cell changed.</summary>
    public TestArtifact WithCell(int row, string column, string value)
    {
        var index = columns.ToList().FindIndex(c => c.Name == column);
        var copy = rows.Select(r => (string[])r.Clone()).ToArray();
        copy[row][index] = value;
        return new(columns, copy);
    }

    public byte[] Bytes(ReportFormat format) =>
        format == ReportFormat.Csv ? Csv()
        : format == ReportFormat.Tsv ? Tsv()
        : format == ReportFormat.Json ? Ndjson()
        : Parquet();

    public byte[] Csv(string newLine = "\r\n") =>
        Encoding.UTF8.GetBytes(string.Concat(new[] { columns.Select(c => c.Name).ToArray() }.Concat(rows).Select(cells => string.Join(',', cells.Select(Quote)) + newLine)));

    public byte[] Tsv() =>
        Encoding.UTF8.GetBytes(string.Concat(new[] { columns.Select(c => c.Name).ToArray() }.Concat(rows).Select(cells => string.Join('\t', cells) + "\n")));

    public byte[] Ndjson()
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append('{').AppendJoin(',', columns.Select((column, i) => $"\"{column.Name}\":{(column.Kind is Kind.Int32 or Kind.Int64 or Kind.Decimal ? row[i] : System.Text.Json.JsonSerializer.Serialize(row[i]))}")).Append("}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public byte[] Parquet(int rowGroupSize = int.MaxValue) => WriteParquetAsync(rowGroupSize).GetAwaiter().GetResult();

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private async Task<byte[]> WriteParquetAsync(int rowGroupSize)
    {
        var fields = columns.Select(Field).ToArray();
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            foreach (var group in rows.Chunk(rowGroupSize).DefaultIfEmpty([]))
            {
                using var rowGroup = writer.CreateRowGroup();
                for (var i = 0; i < fields.Length; i++)
                {
                    var texts = group.Select(row => row[i]).ToArray();
                    await (columns[i].Kind switch
                    {
                        Kind.Text => rowGroup.WriteAsync(fields[i], texts),
                        Kind.Int32 => rowGroup.WriteAsync<int>(fields[i], texts.Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray()),
                        Kind.Int64 => rowGroup.WriteAsync<long>(fields[i], texts.Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray()),
                        Kind.Decimal => rowGroup.WriteAsync<decimal>(fields[i], texts.Select(t => decimal.Parse(t, CultureInfo.InvariantCulture)).ToArray()),
                        Kind.Date => rowGroup.WriteAsync<DateOnly>(fields[i], texts.Select(t => DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray()),
                        _ => rowGroup.WriteAsync<DateTime>(fields[i], texts.Select(t => DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToArray()),
                    });
                }

                rowGroup.CompleteValidate();
            }
        }

        return stream.ToArray();
    }

    private DataField Field(TestColumn column) => column.Kind switch
    {
        Kind.Text => new DataField<string>(column.Name, nullable: false),
        Kind.Int32 => new DataField<int>(column.Name),
        Kind.Int64 => new DataField<long>(column.Name),
        Kind.Decimal => new DecimalDataField(column.Name, 18, Scale(column)),
        Kind.Date => new DataField<DateOnly>(column.Name),
        _ => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis),
    };

    // The scale the column's values are written with (3.4500 → 4), as the sandbox's DECIMAL(18, scale).
    private int Scale(TestColumn column)
    {
        var index = columns.ToList().IndexOf(column);
        var sample = rows.Select(row => row[index]).FirstOrDefault() ?? "0";
        var point = sample.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : sample.Length - point - 1;
    }
}
