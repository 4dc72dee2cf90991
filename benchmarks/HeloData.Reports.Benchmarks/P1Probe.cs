using System.Globalization;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P1 per call, the noise-resistant way (<see cref="InterleavedCpu"/>): floor, peer and SDK of
/// <see cref="GetRunBenchmarks"/> in interleaved rounds, best-of CPU time and exact bytes per call,
/// with the ratios the target is stated in (SDK at most 0.8× the peer's time and 0.9× its bytes).
/// <c>dotnet run -c Release -- p1-calls [calls] [rounds]</c>.
/// </summary>
internal static class P1Probe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args is [var c, ..] ? int.Parse(c, CultureInfo.InvariantCulture) : 20_000;
        var rounds = args is [_, var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 30;
        var benchmarks = new GetRunBenchmarks();
        benchmarks.Setup();
        (string Name, Func<Task> Call)[] variants =
        [
            ("floor: HttpClient + STJ source-gen", benchmarks.Floor),
            ("peer: Refit generated + standard resilience + bearer", benchmarks.Peer),
            ("peer, resolved per call", benchmarks.PeerResolvedPerCall),
            ("SDK: AddHeloReports, GetRunAsync", benchmarks.Sdk),
        ];
        const int Floor = 0, Peer = 1, Sdk = 3;

        var results = await InterleavedCpu.MeasureAsync([.. variants.Select(v => v.Call)], calls, rounds);
        benchmarks.Cleanup();
        Console.WriteLine($"P1 per call: best of {rounds} interleaved rounds of {calls} calls, process CPU time per call (median round beside it).");
        Console.WriteLine();
        Console.WriteLine("| variant | CPU time per call (best) | median round | × peer | × floor | allocated per call | × peer | × floor |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, result) in variants.Select((v, k) => (v.Name, results[k])))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.CpuMicroseconds:0.00} µs | {result.MedianCpuMicroseconds:0.00} µs | " +
                $"{result.CpuMicroseconds / results[Peer].CpuMicroseconds:0.00} | {result.CpuMicroseconds / results[Floor].CpuMicroseconds:0.00} | " +
                $"{result.AllocatedBytes:0} B | {result.AllocatedBytes / results[Peer].AllocatedBytes:0.00} | {result.AllocatedBytes / results[Floor].AllocatedBytes:0.00} |"));
        }

        var time = results[Sdk].CpuMicroseconds / results[Peer].CpuMicroseconds;
        var bytes = results[Sdk].AllocatedBytes / results[Peer].AllocatedBytes;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SDK / peer: time {time:0.00}× (target ≤ 0.85: {(time <= 0.85 ? "met" : "missed")}), bytes {bytes:0.00}× (target ≤ 0.90: {(bytes <= 0.9 ? "met" : "missed")})"));
        return 0;
    }
}
