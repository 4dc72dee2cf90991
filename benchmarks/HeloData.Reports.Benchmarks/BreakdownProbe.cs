using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// The rows of <see cref="GetRunBreakdownBenchmarks"/> measured in a way a busy, shared machine cannot
/// skew much (<see cref="InterleavedCpu"/>): <c>dotnet run -c Release -- breakdown [calls] [rounds]</c>.
/// </summary>
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
            ("hand-written + AddResilienceHandler, same three strategies", benchmarks.StockResilienceHandler),
        ];

        var results = await InterleavedCpu.MeasureAsync([.. variants.Select(v => v.Call)], calls, rounds);
        benchmarks.Cleanup();
        Console.WriteLine($"P1 breakdown: best of {rounds} interleaved rounds of {calls} calls, process CPU time per call.");
        Console.WriteLine();
        Console.WriteLine("| variant | CPU time per call | ratio | allocated per call | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var k = 0; k < variants.Length; k++)
        {
            var (time, bytes) = (results[k].CpuMicroseconds, results[k].AllocatedBytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variants[k].Name} | {time:0.00} µs | {time / results[0].CpuMicroseconds:0.00} | {bytes:0} B | {bytes / results[0].AllocatedBytes:0.00} |"));
        }

        return 0;
    }
}
