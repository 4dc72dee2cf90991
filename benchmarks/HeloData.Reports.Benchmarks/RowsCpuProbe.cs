using System.Diagnostics;
using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issues 12 and 18's comparison measured to resist a busy machine: <c>dotnet run -c Release -- rows-cpu [rounds] [formats…]</c>.
/// The reads of <see cref="RowsBenchmarks"/> (same bytes, same code: the hand-written loop, the peer library, the
/// SDK) in interleaved rounds, one read of the 1-million-row artifact per variant per round; for each, the best
/// round of process CPU time (time other processes take is not counted; the GC's is), with the median beside it.
/// The SDK's rows per second are divided by each variant's: by the best rounds, and the median of the per-round
/// ratios (each round's reads ran side by side, so a noisy minute hits both). The median per-round ratio by wall
/// clock is printed beside them, to set against BenchmarkDotNet's means (on a loaded machine a read's wall time is
/// a multiple of its CPU time, and its best round a lucky one). Allocation is exact, per row.
/// Prints one markdown table, ready to paste, with each ratio checked against its target.
/// </summary>
internal static class RowsCpuProbe
{
    /// <summary>One read to time: what it is, the least SDK ÷ it that meets the target (null for the SDK itself), the read.</summary>
    private sealed record Variant(string Name, double? Target, Func<Task<RowsRead>> Read);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args is [var n, ..] && int.TryParse(n, CultureInfo.InvariantCulture, out var r) ? r : 10;
        string[] formats = args.Where(a => !int.TryParse(a, CultureInfo.InvariantCulture, out _)).ToArray() is { Length: > 0 } given ? given : ["csv", "tsv", "json", "parquet"];

        // Every file first (the set-up prints a line about each), so the table below comes out in one piece.
        var benches = formats.Select(format => new RowsBenchmarks { Format = format }).ToArray();
        foreach (var bench in benches)
        {
            bench.Setup();
            await CheckAsync(bench.Format, Variants(bench));
        }

        Console.WriteLine();
        Console.WriteLine($"rows-cpu: {RowsArtifacts.BenchmarkRows:N0} traffic rows per read; best (median) of {rounds} interleaved rounds of process CPU time; {Environment.ProcessorCount} cores; load average now: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| format | reader | M rows/s (best) | (median) | SDK ÷ it (best) | (median) | target | wall clock: SDK ÷ it (median) | B a row |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var bench in benches)
        {
            var format = bench.Format;
            var variants = Variants(bench);
            for (var warm = 0; warm < 3; warm++)
            {
                foreach (var variant in variants)
                {
                    await variant.Read();
                }
            }

            var allocated = new double[variants.Length];
            for (var k = 0; k < variants.Length; k++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                await variants[k].Read();
                allocated[k] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)RowsArtifacts.BenchmarkRows;
            }

            var (seconds, wall) = await TimeAsync(variants, rounds);
            var sdk = Array.FindIndex(variants, v => v.Target is null);
            for (var k = 0; k < variants.Length; k++)
            {
                var best = seconds[k].Min();
                var bestRatio = best / seconds[sdk].Min();
                var medianRatio = Median(Enumerable.Range(0, rounds).Select(round => seconds[k][round] / seconds[sdk][round]));
                var wallRatio = Median(Enumerable.Range(0, rounds).Select(round => wall[k][round] / wall[sdk][round]));
                var target = variants[k].Target is { } t ? string.Create(CultureInfo.InvariantCulture, $"≥ {t:0.0}: {(bestRatio >= t ? "met" : "**missed**")}") : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {format} | {variants[k].Name} | {Rate(best):0.00} | {Rate(Median(seconds[k])):0.00} | **{bestRatio:0.00}** | {medianRatio:0.00} | {target} | {wallRatio:0.00} | {allocated[k]:0.0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// The variants of a format, the SDK last. Targets: at least 0.9× the hand-written loop, and not behind a peer.
    /// NDJSON's hand-written loop is its peer (System.Text.Json's own source-generated reader), so it has one row.
    /// Parquet's peer is timed both ways its guide shows: the whole file at once, and row group by row group.
    /// </summary>
    private static Variant[] Variants(RowsBenchmarks bench) => bench.Format switch
    {
        "csv" or "tsv" =>
        [
            new("hand-written: Sep 0.17.1 loop", 0.9, bench.HandWritten),
            new("peer: CsvHelper 34.0.0 GetRecordsAsync", 1.0, bench.Peer),
            new("SDK: ReportRows.ReadAsync", null, bench.Sdk),
        ],
        "json" =>
        [
            new("hand-written = peer: STJ source-gen DeserializeAsyncEnumerable", 1.0, bench.HandWritten),
            new("SDK: ReportRows.ReadAsync", null, bench.Sdk),
        ],
        _ =>
        [
            new("hand-written: Parquet.Net 6.1.0 column reads", 0.9, bench.HandWritten),
            new("peer: ParquetSerializer.DeserializeAsync, whole file", 1.0, () => PeerRows.ParquetSerializerAsync(bench.Open())),
            new("peer: ParquetSerializer.DeserializeAsync, per row group", 1.0, bench.Peer),
            new("SDK: ReportRows.ReadAsync", null, bench.Sdk),
        ],
    };

    /// <summary>Every variant must read the same rows to the same sum as the SDK (the set-up checked the others).</summary>
    private static async Task CheckAsync(string format, Variant[] variants)
    {
        var expected = await variants[^1].Read();
        foreach (var variant in variants)
        {
            var read = await variant.Read();
            if (read != expected || read.Rows != RowsArtifacts.BenchmarkRows)
            {
                throw new InvalidOperationException($"{format}: {variant.Name} read {read}, the SDK {expected}; expected {RowsArtifacts.BenchmarkRows} rows each.");
            }
        }
    }

    /// <summary>
    /// Process CPU seconds of each variant's read in each round, the variants interleaved within a round, and the
    /// wall-clock seconds beside them (which a loaded machine inflates: to compare with BenchmarkDotNet's means).
    /// </summary>
    private static async Task<(double[][] Cpu, double[][] Wall)> TimeAsync(Variant[] variants, int rounds)
    {
        var seconds = variants.Select(_ => new double[rounds]).ToArray();
        var wall = variants.Select(_ => new double[rounds]).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                GC.Collect();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                await variants[k].Read();
                wall[k][round] = Stopwatch.GetElapsedTime(started).TotalSeconds;
                process.Refresh();
                seconds[k][round] = (process.TotalProcessorTime - cpu).TotalSeconds;
            }
        }

        return (seconds, wall);
    }

    private static double Rate(double seconds) => RowsArtifacts.BenchmarkRows / seconds / 1e6;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
