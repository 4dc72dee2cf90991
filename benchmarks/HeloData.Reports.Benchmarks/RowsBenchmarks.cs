using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using HeloData.Reports.Rows;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 12: <c>ReportRows.ReadAsync&lt;TrafficRow&gt;</c> over a 1-million-row <c>traffic</c> artifact in each
/// format, against the fastest hand-written loop with the same library on the same bytes (Sep for csv and
/// tsv, <c>JsonSerializer.DeserializeAsyncEnumerable</c> with a source-generated context for NDJSON,
/// Parquet.Net's column reads for parquet). Both make one typed row per line (<see cref="HandTrafficRow"/>:
/// DateOnly, string, string, long, long) from a <see cref="MemoryStream"/> over the same bytes and sum
/// its bandwidth. Target: the SDK at least 0.9× the hand-written loop's rows per second.
/// Issue 18 adds the peer a .NET developer would otherwise reach for (<see cref="PeerRows"/>: CsvHelper's
/// <c>GetRecordsAsync</c> for csv and tsv, Parquet.Net's <c>ParquetSerializer</c> for parquet; for NDJSON the
/// peer, System.Text.Json's source-generated <c>DeserializeAsyncEnumerable</c>, is the hand-written loop
/// itself, run a second time under this name). Target: the SDK not behind any peer.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class RowsBenchmarks
{
    private byte[] _bytes = null!;

    [Params("csv", "tsv", "json", "parquet")]
    public string Format { get; set; } = "csv";

    public static int Rows => RowsArtifacts.BenchmarkRows;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = RowsArtifacts.DownloadAsync(Format, Rows).GetAwaiter().GetResult();

        // Every side must read the same rows to the same sum, or the comparison means nothing.
        var hand = HandWritten().GetAwaiter().GetResult();
        var peer = Peer().GetAwaiter().GetResult();
        var sdk = Sdk().GetAwaiter().GetResult();
        if (hand != sdk || peer != sdk || hand.Rows != Rows)
        {
            throw new InvalidOperationException($"{Format}: hand-written read {hand}, the peer {peer}, the SDK {sdk}; expected {Rows} rows each.");
        }

        Console.WriteLine($"// {Format}: {Rows:N0} rows, {_bytes.Length:N0} bytes, bandwidth sum {hand.Bandwidth}");
    }

    [Benchmark(Baseline = true, Description = "hand-written loop")]
    public Task<RowsRead> HandWritten() => Format switch
    {
        "csv" => Task.FromResult(HandRows.Delimited(Open(), ',')),
        "tsv" => Task.FromResult(HandRows.Delimited(Open(), '\t')),
        "json" => HandRows.NdjsonAsync(Open()),
        _ => HandRows.ParquetAsync(Open()),
    };

    [Benchmark(Description = "peer library")]
    public Task<RowsRead> Peer() => Format switch
    {
        "csv" => PeerRows.CsvHelperAsync(Open(), ','),
        "tsv" => PeerRows.CsvHelperAsync(Open(), '\t'),
        "json" => HandRows.NdjsonAsync(Open()),
        // Of the serializer's two documented ways, the faster here (rows-cpu times both).
        _ => PeerRows.ParquetSerializerByRowGroupAsync(Open()),
    };

    [Benchmark(Description = "ReportRows.ReadAsync<TrafficRow>")]
    public async Task<RowsRead> Sdk()
    {
        var read = default(RowsRead);
        await foreach (var row in ReportRows.ReadAsync<TrafficRow>(Open(), RowsArtifacts.Format(Format)))
        {
            read = read.Add(row.BandwidthBytes);
        }

        return read;
    }

    internal MemoryStream Open() => new(_bytes, writable: false);
}

/// <summary>Rows read and their bandwidth summed: what each benchmark returns, so no read can be skipped.</summary>
public readonly record struct RowsRead(long Rows, long Bandwidth)
{
    public RowsRead Add(long bandwidth) => new(Rows + 1, Bandwidth + bandwidth);
}

/// <summary>The typed row a hand-written loop makes: the same values as <see cref="TrafficRow"/>.</summary>
public sealed class HandTrafficRow
{
    public DateOnly Date { get; set; }

    public string SubuserId { get; set; } = "";

    public string Product { get; set; } = "";

    public long BandwidthBytes { get; set; }

    public long Requests { get; set; }
}

// A 64 KiB buffer, as the SDK reads with: 15-20 % faster here than System.Text.Json's default 16 KiB.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultBufferSize = 65536)]
[JsonSerializable(typeof(HandTrafficRow))]
internal sealed partial class HandRowsJsonContext : JsonSerializerContext;

/// <summary>The hand-written loops: what a user would write with each library alone, its fastest way.</summary>
internal static class HandRows
{
    private static readonly ParquetOptions ParquetOptions = new() { UseDateOnlyTypeForDates = true };

    /// <summary>Sep, enumerated synchronously (no async cost per row), strings pooled per column as the SDK does.</summary>
    public static RowsRead Delimited(Stream stream, char separator)
    {
        using var reader = Sep.New(separator).Reader(o => o with
        {
            HasHeader = true,
            DisableQuotesParsing = separator == '\t',
            CultureInfo = CultureInfo.InvariantCulture,
            CreateToString = SepToString.PoolPerCol(maximumStringLength: 64),
        }).From(stream);
        var header = reader.Header;
        int date = header.IndexOf("date"), subuser = header.IndexOf("subuser_id"), product = header.IndexOf("product"),
            bandwidth = header.IndexOf("bandwidth_bytes"), requests = header.IndexOf("requests");
        var read = default(RowsRead);
        foreach (var source in reader)
        {
            var row = new HandTrafficRow
            {
                // "O" is yyyy-MM-dd for DateOnly and takes the BCL's round-trip fast path: faster than "yyyy-MM-dd" or Sep's Parse<DateOnly>().
                Date = DateOnly.ParseExact(source[date].Span, "O", CultureInfo.InvariantCulture),
                SubuserId = source[subuser].ToString(),
                Product = source[product].ToString(),
                BandwidthBytes = source[bandwidth].Parse<long>(),
                Requests = source[requests].Parse<long>(),
            };
            read = read.Add(row.BandwidthBytes);
        }

        return read;
    }

    /// <summary>System.Text.Json's own NDJSON reader with a source-generated context.</summary>
    public static async Task<RowsRead> NdjsonAsync(Stream stream)
    {
        var read = default(RowsRead);
        await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable(stream, HandRowsJsonContext.Default.HandTrafficRow, topLevelValues: true))
        {
            read = read.Add(row!.BandwidthBytes);
        }

        return read;
    }

    /// <summary>
    /// Parquet.Net's column reads, one row group at a time, then one row per index. The column arrays are
    /// reused from one row group to the next: faster than fresh ones (which land on the large object heap).
    /// </summary>
    public static async Task<RowsRead> ParquetAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, ParquetOptions);
        var fields = reader.Schema.DataFields;
        DataField Field(string name) => fields.Single(field => field.Name == name);
        DataField date = Field("date"), subuser = Field("subuser_id"), product = Field("product"), bandwidth = Field("bandwidth_bytes"), requests = Field("requests");
        var read = default(RowsRead);
        var dates = Array.Empty<DateOnly>();
        var subusers = Array.Empty<string?>();
        var products = Array.Empty<string?>();
        var bandwidths = Array.Empty<long>();
        var requestCounts = Array.Empty<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            if (dates.Length < count)
            {
                (dates, subusers, products, bandwidths, requestCounts) = (new DateOnly[count], new string?[count], new string?[count], new long[count], new long[count]);
            }

            await group.ReadAsync<DateOnly>(date, dates.AsMemory(0, count));
            await group.ReadAsync(subuser, subusers.AsMemory(0, count));
            await group.ReadAsync(product, products.AsMemory(0, count));
            await group.ReadAsync<long>(bandwidth, bandwidths.AsMemory(0, count));
            await group.ReadAsync<long>(requests, requestCounts.AsMemory(0, count));
            for (var i = 0; i < count; i++)
            {
                var row = new HandTrafficRow
                {
                    Date = dates[i],
                    SubuserId = subusers[i]!,
                    Product = products[i]!,
                    BandwidthBytes = bandwidths[i],
                    Requests = requestCounts[i],
                };
                read = read.Add(row.BandwidthBytes);
            }
        }

        return read;
    }
}
