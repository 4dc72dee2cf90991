using System.Diagnostics;
using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 12's comparison measured to resist a busy machine: <c>dotnet run -c Release -- rows-cpu [rounds] [formats…]</c>.
/// The same two reads as <see cref="RowsBenchmarks"/> (same bytes, same code) in interleaved rounds, one read of
/// the 1-million-row artifact per variant per round; for each, the best round of process CPU time (time other
/// processes take is not counted; the GC's is), with the median beside it. Allocation is exact, per row.
/// </summary>
internal static class RowsCpuProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args is [var n, ..] && int.TryParse(n, CultureInfo.InvariantCulture, out var r) ? r : 10;
        string[] formats = args.Where(a => !int.TryParse(a, CultureInfo.InvariantCulture, out _)).ToArray() is { Length: > 0 } given ? given : ["csv", "tsv", "json", "parquet"];
        Console.WriteLine($"{RowsArtifacts.BenchmarkRows:N0} traffic rows per read; best (median) of {rounds} interleaved rounds of process CPU time; load average now: {LoadAverage()}");
        Console.WriteLine("| format | hand-written: M rows/s | SDK: M rows/s | SDK / hand-written (best) | (median) | hand-written: B a row | SDK: B a row |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var format in formats)
        {
            var bench = new RowsBenchmarks { Format = format };
            bench.Setup();
            Func<Task<RowsRead>>[] variants = [bench.HandWritten, bench.Sdk];
            for (var warm = 0; warm < 3; warm++)
            {
                foreach (var variant in variants)
                {
                    await variant();
                }
            }

            var allocated = new double[variants.Length];
            var times = new double[variants.Length][];
            using var process = Process.GetCurrentProcess();
            for (var k = 0; k < variants.Length; k++)
            {
                times[k] = new double[rounds];
                var before = GC.GetTotalAllocatedBytes(precise: true);
                await variants[k]();
                allocated[k] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)RowsArtifacts.BenchmarkRows;
            }

            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < variants.Length; k++)
                {
                    GC.Collect();
                    process.Refresh();
                    var cpu = process.TotalProcessorTime;
                    await variants[k]();
                    process.Refresh();
                    times[k][round] = (process.TotalProcessorTime - cpu).TotalSeconds;
                }
            }

            var best = times.Select(t => t.Min()).ToArray();
            var median = times.Select(t => t.Order().ElementAt(rounds / 2)).ToArray();
            double Rate(double seconds) => RowsArtifacts.BenchmarkRows / seconds / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {format} | {Rate(best[0]):0.00} | {Rate(best[1]):0.00} | **{best[0] / best[1]:0.00}** | {median[0] / median[1]:0.00} | {allocated[0]:0.0} | {allocated[1]:0.0} |"));
        }

        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
