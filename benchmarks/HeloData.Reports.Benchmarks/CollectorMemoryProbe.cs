using System.Diagnostics;
using System.Globalization;
using HeloData.Reports.Collector;
using HeloData.Reports.Rows;
using Microsoft.Extensions.DependencyInjection;
using static HeloData.Reports.Benchmarks.RowsMemoryProbe;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 20: peak working-set growth while the collector collects one ~1 GiB <c>traffic</c> csv run: download into
/// its spool file, the directory sink's atomic copy, and a handler reading every row as <see cref="TrafficRow"/>:
/// <c>dotnet run -c Release -- collector-memory [rows]</c>. Target: under 64 MiB above the baseline.
/// </summary>
/// <remarks>
/// The sandbox runs in a child process (<c>rows-sandbox</c>, as for <c>rows-memory</c>), so its generator is not
/// counted. The baseline is taken after a warm-up pass (no run to collect yet) and a full GC; the peak is sampled
/// every 5 ms and read from the kernel's high-water mark (VmHWM, reset at the baseline: <see cref="WorkingSetPeak"/>).
/// Public API only: the run's report has no schedule, so the collector's own gap finder has nothing to judge.
/// </remarks>
internal static class CollectorMemoryProbe
{
    private const long DefaultRows = 23_300_000; // ≈ 1 GiB of csv, as rows-memory
    private const long Target = 64L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args is [var n, ..] ? long.Parse(n, CultureInfo.InvariantCulture) : DefaultRows;
        using var sandbox = StartSandbox(rows);
        var apiBase = new Uri(await sandbox.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process did not start."));
        var apiKey = await sandbox.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process did not start.");
        var temp = Directory.CreateTempSubdirectory("helodata-collector-memory-");
        try
        {
            long count = 0, bandwidth = 0;
            var services = new ServiceCollection().AddLogging();
            services.AddHeloReports(o => (o.ApiKey, o.BaseAddress) = (apiKey, apiBase));
            // Its own state file: the default one, beside the binary, would outlive the probe, and the sandbox's run
            // ids are the same on every start, so a second probe would find its run collected.
            services.AddHeloReportsCollector(o => o.TemporaryDirectory = temp.FullName)
                .UseSqliteState(Path.Combine(temp.FullName, "state.db"))
                .WriteToDirectory(Path.Combine(temp.FullName, "out"))
                .AddHandler("rows", async (run, ct) =>
                {
                    await foreach (var row in run.ReadRowsAsync<TrafficRow>(ct))
                    {
                        count++;
                        bandwidth += row.BandwidthBytes;
                    }
                });
            await using var provider = services.BuildServiceProvider();
            var collector = provider.GetRequiredService<IReportsCollector>();
            await collector.CollectOnceAsync(); // warm-up: the listing, the store, the spool
            await RowsArtifacts.CreateRunAsync(provider.GetRequiredService<IReportsClient>(), "csv");

            var memory = WorkingSetPeak.Start();
            var stopwatch = Stopwatch.StartNew();
            var pass = await collector.CollectOnceAsync();
            stopwatch.Stop();
            await memory.StopAsync();
            var output = new DirectoryInfo(Path.Combine(temp.FullName, "out"));
            var written = output.Exists ? output.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"collected {pass.Collected} run: {written:N0} bytes ({Mib(written)}) into the directory sink, {count:N0} rows read ({bandwidth:N0} bytes of bandwidth), {stopwatch.Elapsed.TotalSeconds:0.0} s, {written / stopwatch.Elapsed.TotalSeconds / (1024 * 1024):0} MiB/s"));
            Console.WriteLine("| artifact | rows | working set before | peak (sampled) | peak (VmHWM) | growth |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Mib(written)} | {count:N0} | {Mib(memory.Baseline)} | {Mib(memory.Sampled)} | {(memory.HighWater is { } hw ? Mib(hw) : "n/a")} | **{Mib(memory.Growth)}** |"));
            var met = memory.Growth < Target && count == rows && pass.Collected == 1;
            Console.WriteLine(met ? "Target (< 64 MiB growth) met." : pass.Collected != 1 || count != rows ? $"FAILED: collected {pass.Collected} run(s) ({pass.Failed} failed, {pass.InProgress} in progress), read {count} rows of {rows}." : "Target (< 64 MiB growth) NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            await sandbox.StandardInput.WriteLineAsync();
            await sandbox.WaitForExitAsync();
            temp.Delete(recursive: true);
        }
    }
}
