using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Refit;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// P1 breakdown: where the SDK's per-call cost goes, one layer at a time, on the same in-memory
/// handler as <see cref="GetRunBenchmarks"/>. Each row adds or swaps one piece of the SDK's path:
/// a fresh <c>IHttpClientFactory</c> client per call, the SDK's own handler chain (resilience,
/// API key, logging), Refit's generated client (built once, as the SDK now does, or per call, as it did), the
/// SDK's <see cref="ReportRun"/> model with its converters, and, for comparison, the same three Polly
/// strategies registered the stock way (Microsoft.Extensions.Http.Resilience's <c>AddResilienceHandler</c>,
/// which the SDK used before it ran its pipeline in its own handler).
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GetRunBreakdownBenchmarks
{
    private const string PlainClientName = "bench-plain";
    private const string StockResilienceClientName = "bench-stock-resilience";

    private readonly string _runId = RunFixtures.RunId;
    private HttpClient _raw = null!;
    private ServiceProvider _services = null!;
    private IHttpClientFactory _factory = null!;
    private HttpClient _sdkChainOnce = null!;
    private IBenchRunApi _refitOnce = null!;
    private JsonTypeInfo<ReportRun> _reportRun = null!;
    private IReportsClient _sdk = null!;
    private HttpClient _stockResilience = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedRunHandler();
        _raw = HandWritten.CreateClient(handler);
        var services = SdkClients.AddHeloReports(new ServiceCollection(), handler);
        services.AddHttpClient(PlainClientName)
            .ConfigureHttpClient(client => HandWritten.Configure(client))
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .RemoveAllLoggers(); // as the SDK's client does
        services.AddHttpClient(StockResilienceClientName)
            .ConfigureHttpClient(client => HandWritten.Configure(client).Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .RemoveAllLoggers()
            .AddResilienceHandler("bench", StockResilience.Configure);
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
        _sdkChainOnce = _factory.CreateClient(SdkClients.HttpClientName);
        if (_sdkChainOnce.BaseAddress != RunFixtures.BaseAddress)
        {
            throw new InvalidOperationException($"'{SdkClients.HttpClientName}' is not the SDK's named client any more.");
        }

        _refitOnce = RestService.ForGenerated<IBenchRunApi>(_raw, BenchRefit.Settings);
        _reportRun = SdkJson.ReportRun();
        _sdk = _services.GetRequiredService<IReportsClient>();

        _stockResilience = _factory.CreateClient(StockResilienceClientName);

        Check.Run(HandWrittenGetRun().GetAwaiter().GetResult());
        Check.Run(FactoryClientPerCall().GetAwaiter().GetResult());
        Check.Run(SdkChainPerCall().GetAwaiter().GetResult());
        Check.Run(SdkChainOnce().GetAwaiter().GetResult());
        Check.Run(RefitOnce().GetAwaiter().GetResult());
        Check.Run(RefitPerCall().GetAwaiter().GetResult());
        Check.Run(SdkModel().GetAwaiter().GetResult());
        Check.Run(SdkGetRun().GetAwaiter().GetResult());
        Check.Run(StockResilienceHandler().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written (baseline)")]
    public Task<RunDto> HandWrittenGetRun() => HandWritten.GetRunAsync(_raw, _runId);

    [Benchmark(Description = "factory client per call, no handlers")]
    public Task<RunDto> FactoryClientPerCall() => HandWritten.GetRunAsync(_factory.CreateClient(PlainClientName), _runId);

    [Benchmark(Description = "SDK handler chain, client once")]
    public Task<RunDto> SdkChainOnce() => HandWritten.GetRunAsync(_sdkChainOnce, _runId);

    [Benchmark(Description = "SDK handler chain, client per call")]
    public Task<RunDto> SdkChainPerCall() => HandWritten.GetRunAsync(_factory.CreateClient(SdkClients.HttpClientName), _runId);

    [Benchmark(Description = "Refit, built once")]
    public Task<RunDto> RefitOnce() => BenchRefit.GetRunAsync(_refitOnce, _runId);

    [Benchmark(Description = "Refit, built per call")]
    public Task<RunDto> RefitPerCall() => BenchRefit.GetRunAsync(RestService.ForGenerated<IBenchRunApi>(_raw, BenchRefit.Settings), _runId);

    [Benchmark(Description = "STJ into the SDK's ReportRun")]
    public async Task<ReportRun> SdkModel()
    {
        using var response = await _raw.GetAsync($"reports/runs/{Uri.EscapeDataString(_runId)}").ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(body, _reportRun).ConfigureAwait(false))!;
    }

    [Benchmark(Description = "ReportsClient.GetRunAsync (AddHeloReports)")]
    public Task<ReportRun> SdkGetRun() => _sdk.GetRunAsync(_runId);

    [Benchmark(Description = "hand-written + AddResilienceHandler, same three strategies")]
    public Task<RunDto> StockResilienceHandler() => HandWritten.GetRunAsync(_stockResilience, _runId);
}

/// <summary>
/// The SDK's three strategies with its default settings (ReportsClientOptions),
/// through Microsoft.Extensions.Http.Resilience's public options: what <c>AddResilienceHandler</c> costs.
/// </summary>
internal static class StockResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        var defaults = new ReportsClientOptions();
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = defaults.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = defaults.MaxRetryAttempts, ShouldRetryAfterHeader = false })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = defaults.AttemptTimeout });
    }
}

/// <summary>The SDK's route, declared on a local interface so Refit's generator builds the same kind of client.</summary>
public interface IBenchRunApi
{
    [Get("/reports/runs/{id}")]
    Task<IApiResponse<RunDto>> GetRunAsync(string id, CancellationToken cancellationToken);
}

internal static class BenchRefit
{
    // The SDK's settings (ReportsApiFactory), over the benchmark's context.
    public static readonly RefitSettings Settings = Create();

    public static async Task<RunDto> GetRunAsync(IBenchRunApi api, string runId)
    {
        using var response = await api.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
        return response.IsSuccessStatusCode && response.Content is { } run ? run : throw new InvalidOperationException("Refit read no run.");
    }

    private static RefitSettings Create()
    {
        var settings = RefitSettings.ForJsonContext(BenchJsonContext.Default);
        settings.Buffered = true;
        settings.MaxExceptionContentLength = 16 * 1024;
        return settings;
    }
}

/// <summary>The SDK's own source-generated metadata for <see cref="ReportRun"/> (its context is internal).</summary>
internal static class SdkJson
{
    public static JsonTypeInfo<ReportRun> ReportRun()
    {
        var type = typeof(ReportRun).Assembly.GetType("HeloData.Reports.ReportsJsonContext", throwOnError: true)!;
        var context = (JsonSerializerContext)type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return (JsonTypeInfo<ReportRun>)context.GetTypeInfo(typeof(ReportRun))!;
    }
}
