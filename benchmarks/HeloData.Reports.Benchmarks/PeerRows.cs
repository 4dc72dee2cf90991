using System.Text.Json.Serialization;
using CsvHelper;
using Parquet;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// The row class a .NET developer would write to read the <c>traffic</c> artifact with a library's own
/// object mapping: CsvHelper's source-generated <see cref="CsvRecordAttribute"/> mapper and Parquet.Net's
/// <see cref="ParquetSerializer"/> both read it by the column names given here. The same values as
/// <see cref="HandTrafficRow"/> and the SDK's <c>TrafficRow</c>.
/// </summary>
[CsvRecord]
public sealed partial class PeerTrafficRow
{
    [CsvColumn("date")]
    [JsonPropertyName("date")]
    public DateOnly Date { get; set; }

    // The sandbox writes its text columns as required; Parquet.Net expects optional strings unless told.
    [CsvColumn("subuser_id")]
    [JsonPropertyName("subuser_id")]
    [ParquetRequired]
    public string SubuserId { get; set; } = "";

    [CsvColumn("product")]
    [JsonPropertyName("product")]
    [ParquetRequired]
    public string Product { get; set; } = "";

    [CsvColumn("bandwidth_bytes")]
    [JsonPropertyName("bandwidth_bytes")]
    public long BandwidthBytes { get; set; }

    [CsvColumn("requests")]
    [JsonPropertyName("requests")]
    public long Requests { get; set; }
}

/// <summary>
/// Issue 18's peers: what a .NET developer would otherwise write to read the rows into objects, each
/// library's typed-object API used as its documentation shows, at its best documented settings. (The
/// NDJSON peer, System.Text.Json's source-generated <c>DeserializeAsyncEnumerable</c>, is already
/// <see cref="HandRows.NdjsonAsync"/>.)
/// </summary>
internal static class PeerRows
{
    // The separator given rather than detected; numbers and dates in the invariant culture (CsvHelper's default),
    // the date by its default DateOnly parse (faster here than [CsvFormat("O")] or "yyyy-MM-dd"). Strings pooled per
    // column, as the SDK and the Sep loop do: CsvHelper documents it for strings that are kept, but it measured
    // ≈4 % faster here even for strings dropped at once (56 instead of 139 B a row), so the peer gets it.
    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.For<PeerTrafficRow>() with { Separator = ',', PoolStrings = true };

    // The artifacts' tsv has no quoting (docs/artifacts.md), which is CsvHelper's NoEscape mode ("TSV exports").
    private static readonly CsvReaderOptions TsvOptions = CsvOptions with { Separator = '\t', Mode = CsvMode.NoEscape };

    private static readonly ParquetOptions ParquetOptions = new() { UseDateOnlyTypeForDates = true };

    /// <summary>CsvHelper 34: <c>CsvReader.Create(stream)</c>, then <c>GetRecordsAsync&lt;T&gt;</c> over the source-generated mapper.</summary>
    public static async Task<RowsRead> CsvHelperAsync(Stream stream, char separator)
    {
        await using var reader = CsvReader.Create(stream, separator == '\t' ? TsvOptions : CsvOptions);
        var read = default(RowsRead);
        await foreach (var row in reader.GetRecordsAsync<PeerTrafficRow>())
        {
            read = read.Add(row.BandwidthBytes);
        }

        return read;
    }

    /// <summary>
    /// Parquet.Net 6.1: <c>ParquetSerializer.DeserializeAsync&lt;T&gt;(stream)</c>, the whole file into a list,
    /// as its class-serialisation guide starts with.
    /// </summary>
    public static async Task<RowsRead> ParquetSerializerAsync(Stream stream)
    {
        var result = await ParquetSerializer.DeserializeAsync<PeerTrafficRow>(stream, ParquetOptions);
        var read = default(RowsRead);
        foreach (var row in result.Data)
        {
            read = read.Add(row.BandwidthBytes);
        }

        return read;
    }

    /// <summary>
    /// The same, one row group at a time (<c>rowGroupIndex</c>), as the guide suggests for a large file to keep
    /// memory low; the count of row groups from the file's footer.
    /// </summary>
    public static async Task<RowsRead> ParquetSerializerByRowGroupAsync(Stream stream)
    {
        int groups;
        await using (var reader = await ParquetReader.CreateAsync(stream, ParquetOptions, leaveStreamOpen: true))
        {
            groups = reader.RowGroupCount;
        }

        var read = default(RowsRead);
        for (var g = 0; g < groups; g++)
        {
            var result = await ParquetSerializer.DeserializeAsync<PeerTrafficRow>(stream, ParquetOptions, rowGroupIndex: g);
            foreach (var row in result.Data)
            {
                read = read.Add(row.BandwidthBytes);
            }
        }

        return read;
    }
}
