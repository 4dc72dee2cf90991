using System.Diagnostics;
using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// The rows of <see cref="GetRunBreakdownBenchmarks"/> measured in a way a busy, shared machine cannot
/// skew much: <c>dotnet run -c Release -- breakdown [calls] [rounds]</c>. Variants run in interleaved
/// rounds (so a noisy moment hits them all alike) and each keeps its best round of process CPU time per
/// call (time another process takes from this one is not counted). Allocation is per call on this thread.
/// </summary>
/// <remarks>Not a BenchmarkDotNet run: no outlier analysis, one process. It is for attributing a cost, not for headline figures.</remarks>
internal static class BreakdownProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args is [var c, ..] ? int.Parse(c, CultureInfo.InvariantCulture) : 20_000;
        var rounds = args is [_, var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 30;
        var benchmarks = new GetRunBreakdownBenchmarks();
        benchmarks.Setup();
        (string Name, Func<Task> Call)[] variants =
        [
            ("hand-written (baseline)", benchmarks.HandWrittenGetRun),
            ("factory client per call, no handlers", benchmarks.FactoryClientPerCall),
            ("SDK handler chain, client once", benchmarks.SdkChainOnce),
            ("SDK handler chain, client per call", benchmarks.SdkChainPerCall),
            ("Refit, built once", benchmarks.RefitOnce),
            ("Refit, built per call", benchmarks.RefitPerCall),
            ("STJ into the SDK's ReportRun", benchmarks.SdkModel),
            ("ReportsClient.GetRunAsync (AddHeloReports)", benchmarks.SdkGetRun),
            ("hand-written + AddResilienceHandler, same four strategies", benchmarks.StockResilienceHandler),
        ];

        // Warm up past tiered compilation, then measure allocation once and CPU time in rounds.
        foreach (var (_, call) in variants)
        {
            for (var i = 0; i < 50_000; i++)
            {
                await call();
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var allocated = new double[variants.Length];
        for (var k = 0; k < variants.Length; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                await variants[k].Call();
            }

            allocated[k] = (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000.0;
        }

        var best = Enumerable.Repeat(double.MaxValue, variants.Length).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                GC.Collect();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var call = variants[k].Call;
                for (var i = 0; i < calls; i++)
                {
                    await call();
                }

                process.Refresh();
                best[k] = Math.Min(best[k], (process.TotalProcessorTime - cpu).TotalMicroseconds / calls);
            }
        }

        benchmarks.Cleanup();
        Console.WriteLine($"P1 breakdown: best of {rounds} interleaved rounds of {calls} calls, process CPU time per call.");
        Console.WriteLine();
        Console.WriteLine("| variant | CPU time per call | ratio | allocated per call | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var k = 0; k < variants.Length; k++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variants[k].Name} | {best[k]:0.00} µs | {best[k] / best[0]:0.00} | {allocated[k]:0} B | {allocated[k] / allocated[0]:0.00} |"));
        }

        return 0;
    }
}
