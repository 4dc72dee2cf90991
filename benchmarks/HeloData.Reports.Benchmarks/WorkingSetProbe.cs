using System.Diagnostics;
using HeloData.Reports.Models;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Peak working set of one ~1 GiB download, in a process of its own (a process can only see its own
/// peak): <c>dotnet run -c Release -- workingset sdk|raw</c>. Prints the peak above the baseline
/// taken just before the download starts.
/// </summary>
internal static class WorkingSetProbe
{
    public static async Task<int> RunAsync(string variant)
    {
        using var server = new LoopbackArtifactServer(DownloadBenchmarks.ArtifactSize);
        using var raw = new HttpClient(new SocketsHttpHandler());
        using var client = new ReportsClient("bench-key");
        var run = ReportsModelFactory.ReportRun(status: RunStatus.Completed, downloadUrl: server.Url);

        // Warm up once (JIT, connection), then measure a fresh peak from here.
        await DownloadAsync(variant, raw, client, run, server.Url);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });

        var stopwatch = Stopwatch.StartNew();
        var bytes = await DownloadAsync(variant, raw, client, run, server.Url);
        stopwatch.Stop();
        sampling.Cancel();
        await sampler;

        Console.WriteLine($"{variant}: {bytes / (1024.0 * 1024):0} MiB in {stopwatch.Elapsed.TotalSeconds:0.00} s " +
            $"({bytes / (1024.0 * 1024) / stopwatch.Elapsed.TotalSeconds:0} MiB/s); working set before {baseline / (1024.0 * 1024):0.0} MiB, " +
            $"peak {peak / (1024.0 * 1024):0.0} MiB, extra {(peak - baseline) / (1024.0 * 1024):0.0} MiB");
        return 0;
    }

    private static async Task<long> DownloadAsync(string variant, HttpClient raw, ReportsClient client, ReportRun run, Uri url)
    {
        var sink = new CountingStream();
        if (variant == "raw")
        {
            using var response = await raw.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(sink);
            return sink.Written;
        }

        return (await client.DownloadAsync(run, sink)).Bytes;
    }
}
