using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P1: the per-call overhead of <c>GetRunAsync</c>. The SDK as an application gets it
/// (<c>AddHeloReports</c>, so with its resilience pipeline, API-key and logging handlers, logging at
/// default levels) against a hand-written call: <see cref="HttpClient.GetAsync(string)"/> plus
/// <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue}, CancellationToken)"/>
/// into a source-generated local DTO. Both talk to the same in-memory handler, which answers with the
/// contract's run JSON. Target: at most 1.15× the time and 1.3× the allocated bytes of the baseline.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GetRunBenchmarks
{
    // A field, not a constant: both variants build the path per call, as real callers do.
    private readonly string _runId = RunFixtures.RunId;
    private HttpClient _raw = null!;
    private ServiceProvider _services = null!;
    private IReportsClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedRunHandler();
        _raw = HandWritten.CreateClient(handler);
        _services = SdkClients.AddHeloReports(new ServiceCollection(), handler).BuildServiceProvider();
        _sdk = _services.GetRequiredService<IReportsClient>();
        Check.Run(HandWrittenGetRun().GetAwaiter().GetResult());
        Check.Run(SdkGetRun().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HttpClient.GetAsync + STJ source-gen DTO")]
    public Task<RunDto> HandWrittenGetRun() => HandWritten.GetRunAsync(_raw, _runId);

    [Benchmark(Description = "ReportsClient.GetRunAsync (AddHeloReports)")]
    public Task<ReportRun> SdkGetRun() => _sdk.GetRunAsync(_runId);
}

/// <summary>The hand-written client: one long-lived <see cref="HttpClient"/>, a GET and a source-generated read.</summary>
internal static class HandWritten
{
    public static HttpClient CreateClient(HttpMessageHandler handler, Uri? baseAddress = null) =>
        Configure(new HttpClient(handler, disposeHandler: false), baseAddress);

    public static HttpClient Configure(HttpClient client, Uri? baseAddress = null)
    {
        client.BaseAddress = baseAddress ?? RunFixtures.BaseAddress;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        return client;
    }

    public static async Task<RunDto> GetRunAsync(HttpClient client, string runId, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync($"reports/runs/{Uri.EscapeDataString(runId)}", cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(body, BenchJsonContext.Default.RunDto, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The run body was null.");
        }
    }
}

/// <summary>The SDK through its public DI entry point, over an in-memory primary handler.</summary>
internal static class SdkClients
{
    /// <summary>The SDK's named <see cref="HttpClient"/> (<c>ReportsClientDefaults.HttpClientName</c>, internal).</summary>
    public const string HttpClientName = "HeloData.Reports";

    public static IServiceCollection AddHeloReports(IServiceCollection services, HttpMessageHandler handler, Action<ReportsClientOptions>? configure = null)
    {
        services.AddHeloReports(o =>
            {
                o.ApiKey = "bench";
                o.BaseAddress = RunFixtures.BaseAddress;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        return services;
    }
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
