using System.Diagnostics;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Per-call cost of a few call variants measured so that a busy, shared machine cannot skew it much:
/// the variants run in interleaved rounds (a noisy moment hits them all alike) and each keeps its best
/// round of process CPU time per call (time another process takes from this one is not counted).
/// Allocation is exact: bytes per call on this thread.
/// </summary>
/// <remarks>Not a BenchmarkDotNet run: no outlier analysis, one process. Built to rank and attribute, next to BenchmarkDotNet's figures.</remarks>
internal static class InterleavedCpu
{
    /// <summary>Best and median round of CPU time per call; the median shows how much the machine moved the rounds.</summary>
    public readonly record struct Result(double CpuMicroseconds, double MedianCpuMicroseconds, double AllocatedBytes);

    public static async Task<Result[]> MeasureAsync(IReadOnlyList<Func<Task>> variants, int calls, int rounds, int warmupCalls = 50_000)
    {
        // Warm up past tiered compilation (call counting, then tier 1 with dynamic PGO).
        foreach (var call in variants)
        {
            for (var i = 0; i < warmupCalls; i++)
            {
                await call();
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var allocated = new double[variants.Count];
        for (var k = 0; k < variants.Count; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                await variants[k]();
            }

            allocated[k] = (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000.0;
        }

        var times = new double[variants.Count, rounds];
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < variants.Count; k++)
            {
                GC.Collect();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var call = variants[k];
                for (var i = 0; i < calls; i++)
                {
                    await call();
                }

                process.Refresh();
                times[k, round] = (process.TotalProcessorTime - cpu).TotalMicroseconds / calls;
            }
        }

        return
        [
            .. Enumerable.Range(0, variants.Count).Select(k =>
            {
                var sorted = Enumerable.Range(0, rounds).Select(r => times[k, r]).Order().ToArray();
                return new Result(sorted[0], sorted[rounds / 2], allocated[k]);
            }),
        ];
    }
}
