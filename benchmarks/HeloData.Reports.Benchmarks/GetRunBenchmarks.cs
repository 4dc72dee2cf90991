using BenchmarkDotNet.Attributes;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P1: the per-call cost of <c>GetRunAsync</c> against the client an application would otherwise build
/// with the same libraries (the peer, <see cref="PeerClients"/>: a source-generated Refit client with
/// <c>AddStandardResilienceHandler()</c> and a bearer handler), with the raw <see cref="HttpClient"/> +
/// source-generated System.Text.Json call as the floor. All talk to the same in-memory handler, which
/// answers with the contract's run JSON. Target: at most 0.8× the peer's time and 0.9× its bytes.
/// The peer is the baseline, so the Ratio column reads as "× the peer".
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GetRunBenchmarks
{
    // A field, not a constant: every variant builds the path per call, as real callers do.
    private readonly string _runId = RunFixtures.RunId;
    private HttpClient _raw = null!;
    private ServiceProvider _peerServices = null!;
    private IPeerRunApi _peer = null!;
    private ServiceProvider _sdkServices = null!;
    private IReportsClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedRunHandler();
        _raw = HandWritten.CreateClient(handler);
        _peerServices = PeerClients.AddPeer(new ServiceCollection(), handler).BuildServiceProvider();
        _peer = _peerServices.GetRequiredService<IPeerRunApi>();
        if (_peer is IDisposable)
        {
            throw new InvalidOperationException("Refit's generated client became IDisposable: the root provider would keep every per-call instance.");
        }

        _sdkServices = SdkClients.AddHeloReports(new ServiceCollection(), handler).BuildServiceProvider();
        _sdk = _sdkServices.GetRequiredService<IReportsClient>();
        Check.Run(Floor().GetAwaiter().GetResult());
        Check.Run(Peer().GetAwaiter().GetResult());
        Check.Run(PeerResolvedPerCall().GetAwaiter().GetResult());
        Check.Run(Sdk().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _peerServices.Dispose();
        _sdkServices.Dispose();
    }

    [Benchmark(Description = "floor: HttpClient.GetAsync + STJ source-gen DTO")]
    public Task<RunDto> Floor() => HandWritten.GetRunAsync(_raw, _runId);

    [Benchmark(Baseline = true, Description = "peer: Refit generated + standard resilience, resolved once")]
    public Task<RunDto> Peer() => _peer.GetRunAsync(_runId);

    // A typed client is transient: a scoped service gets a new one (a factory HttpClient and a Refit
    // instance) per request. Resolved from the root here; the generated client is not IDisposable, so nothing is tracked.
    [Benchmark(Description = "peer: resolved per call")]
    public Task<RunDto> PeerResolvedPerCall() => _peerServices.GetRequiredService<IPeerRunApi>().GetRunAsync(_runId);

    [Benchmark(Description = "SDK: ReportsClient.GetRunAsync (AddHeloReports)")]
    public Task<ReportRun> Sdk() => _sdk.GetRunAsync(_runId);
}

internal static class Check
{
    public static void Run(RunDto run)
    {
        if (run.RunId != RunFixtures.RunId || run.Status != "completed" || run.CompletedAt is null || run.DownloadUrl is null)
        {
            throw new InvalidOperationException($"The hand-written call read a wrong run: {run.RunId} {run.Status}.");
        }
    }

    public static void Run(ReportRun run)
    {
        if (run.RunId != RunFixtures.RunId || run.Status != RunStatus.Completed || run.CompletedAt is null || run.DownloadUrl is null)
        {
            throw new InvalidOperationException($"The SDK call read a wrong run: {run}.");
        }
    }
}
