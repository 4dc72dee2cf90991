using BenchmarkDotNet.Attributes;
using HeloData.Reports.Models;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P2: streaming a ~1 GiB artifact from a loopback host. The SDK's <c>DownloadAsync</c> (validation,
/// expiry check, length check, progress-ready copy loop) against the floor: a raw
/// <see cref="HttpClient"/> with <c>CopyToAsync</c>. Target: at least 0.9× raw throughput.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DownloadBenchmarks
{
    public const long ArtifactSize = 1L << 30;

    private LoopbackArtifactServer _server = null!;
    private HttpClient _raw = null!;
    private ReportsClient _client = null!;
    private ReportRun _run = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackArtifactServer(ArtifactSize);
        _raw = new HttpClient(new SocketsHttpHandler());
        _client = new ReportsClient("bench-key");
        _run = ReportsModelFactory.ReportRun(status: RunStatus.Completed, downloadUrl: _server.Url);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + CopyToAsync")]
    public async Task<long> RawHttpClient()
    {
        using var response = await _raw.GetAsync(_server.Url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var counter = new CountingStream();
        await body.CopyToAsync(counter);
        return counter.Written;
    }

    [Benchmark(Description = "ReportsClient.DownloadAsync")]
    public async Task<long> SdkDownload()
    {
        var counter = new CountingStream();
        var result = await _client.DownloadAsync(_run, counter);
        return result.Bytes;
    }
}
