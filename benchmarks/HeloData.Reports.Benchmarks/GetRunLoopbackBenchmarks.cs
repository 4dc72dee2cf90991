using BenchmarkDotNet.Attributes;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P1 in context: the floor and SDK calls of <see cref="GetRunBenchmarks"/>, but over a real keep-alive
/// HTTP/1.1 connection to a loopback server answering with the same run JSON, so the SDK's fixed
/// per-call cost is seen next to the cheapest real transport there is. Not the P1 target (that is
/// defined in memory); here to tell how much of the in-memory ratio survives a socket.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GetRunLoopbackBenchmarks
{
    private readonly string _runId = RunFixtures.RunId;
    private LoopbackArtifactServer _server = null!;
    private SocketsHttpHandler _sockets = null!;
    private HttpClient _raw = null!;
    private ServiceProvider _services = null!;
    private IReportsClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackArtifactServer(RunFixtures.CompletedRun, "application/json; charset=utf-8");
        var baseAddress = new Uri(_server.Root, "v1/");
        _sockets = new SocketsHttpHandler();
        _raw = HandWritten.CreateClient(_sockets, baseAddress);
        var services = new ServiceCollection();
        services.AddHeloReports(o =>
        {
            o.ApiKey = "bench";
            o.BaseAddress = baseAddress; // plain http is accepted for a loopback host
        });
        _services = services.BuildServiceProvider();
        _sdk = _services.GetRequiredService<IReportsClient>();
        Check.Run(HandWrittenGetRun().GetAwaiter().GetResult());
        Check.Run(SdkGetRun().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _sockets.Dispose();
        _services.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "loopback: HttpClient.GetAsync + STJ source-gen DTO")]
    public Task<RunDto> HandWrittenGetRun() => HandWritten.GetRunAsync(_raw, _runId);

    [Benchmark(Description = "loopback: ReportsClient.GetRunAsync (AddHeloReports)")]
    public Task<ReportRun> SdkGetRun() => _sdk.GetRunAsync(_runId);
}
