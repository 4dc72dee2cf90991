using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using HeloData.Reports.Rows;
using HeloData.Reports.Testing;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 12: peak working-set growth while reading a ~1 GiB <c>traffic</c> csv from the download host with
/// <c>ReadRowsAsync&lt;TrafficRow&gt;</c> (HeloData.Reports.Rows' extension of IReportsClient): <c>dotnet run -c Release -- rows-memory [rows] [format]</c>.
/// Target: under 32 MiB above the baseline.
/// </summary>
/// <remarks>
/// The sandbox runs in a child process (this program, <c>rows-sandbox</c>), so the generator's memory and
/// Kestrel's are not counted here. After a warm-up read of the first rows (JIT, connection, buffers) and a
/// full GC, the working set is the baseline; the peak is sampled every 5 ms and, on Linux, also read exactly
/// from the kernel's high-water mark (VmHWM, reset to the current size at the baseline through
/// <c>/proc/self/clear_refs</c>).
/// </remarks>
internal static class RowsMemoryProbe
{
    // ≈46 bytes a row: 23.3 million traffic rows make about 1 GiB of csv (the count download below says exactly).
    private const long DefaultRows = 23_300_000;
    private const long WarmUpRows = 200_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args is [var n, ..] ? long.Parse(n, CultureInfo.InvariantCulture) : DefaultRows;
        var format = args is [_, var f, ..] ? f : "csv";
        using var sandbox = StartSandbox(rows);
        var apiBase = new Uri(await sandbox.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process did not start."));
        var apiKey = await sandbox.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The sandbox process did not start.");

        using var client = new ReportsClient(new ReportsClientOptions { ApiKey = apiKey, BaseAddress = apiBase });
        var run = await RowsArtifacts.CreateRunAsync(client, format);

        // Warm up the whole path on the same artifact, leaving early (which cancels the download).
        var warm = 0L;
        await foreach (var _ in client.ReadRowsAsync<TrafficRow>(run))
        {
            if (++warm == WarmUpRows)
            {
                break;
            }
        }

        var memory = WorkingSetPeak.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var stopwatch = Stopwatch.StartNew();
        long count = 0, bandwidth = 0;
        await foreach (var row in client.ReadRowsAsync<TrafficRow>(run))
        {
            count++;
            bandwidth += row.BandwidthBytes;
        }

        stopwatch.Stop();
        await memory.StopAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var (gen0, gen2) = (GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);

        // The artifact's size, by downloading it once more (after the measurement) into a counter.
        var sink = new CountingStream();
        await client.DownloadAsync(run, sink);

        await sandbox.StandardInput.WriteLineAsync();
        await sandbox.WaitForExitAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ReadRowsAsync<TrafficRow>, {format}: {count:N0} rows ({bandwidth:N0} bytes of bandwidth), artifact {sink.Written:N0} bytes ({Mib(sink.Written)}), " +
            $"{stopwatch.Elapsed.TotalSeconds:0.0} s, {count / stopwatch.Elapsed.TotalSeconds / 1e6:0.00} M rows/s, {sink.Written / stopwatch.Elapsed.TotalSeconds / (1024 * 1024):0} MiB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {allocated / (double)count:0.0} B a row; {gen0} gen0 and {gen2} gen2 collections; GC heap at the end {Mib(GC.GetTotalMemory(false))}"));
        Console.WriteLine("| artifact | rows | working set before | peak (sampled) | peak (VmHWM) | growth |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Mib(sink.Written)} | {count:N0} | {Mib(memory.Baseline)} | {Mib(memory.Sampled)} | {(memory.HighWater is { } hw ? Mib(hw) : "n/a")} | **{Mib(memory.Growth)}** |"));
        var met = memory.Growth < 32L * 1024 * 1024 && count == rows;
        Console.WriteLine(met ? "Target (< 32 MiB growth) met." : count != rows ? $"FAILED: read {count} rows of {rows}." : "Target (< 32 MiB growth) NOT met.");
        return met ? 0 : 1;
    }

    /// <summary>The child process: a sandbox whose runs have <paramref name="rows"/> rows; prints its API address and key, serves until a line arrives on stdin.</summary>
    public static async Task<int> ServeAsync(long rows)
    {
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant, ArtifactRowCount = rows });
        Console.WriteLine(sandbox.ApiBaseAddress);
        Console.WriteLine(sandbox.ApiKey);
        await Console.In.ReadLineAsync();
        return 0;
    }

    internal static Process StartSandbox(long rows)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("rows-sandbox");
        start.ArgumentList.Add(rows.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
    }

    internal static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");
}
