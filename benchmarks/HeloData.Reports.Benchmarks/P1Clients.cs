using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Refit;

// Shared with benchmarks/HeloData.Reports.ColdStart (linked there), so the per-call figures and the
// cold-start figures come from the very same three clients.
namespace HeloData.Reports.Benchmarks;

/// <summary>The floor: one long-lived <see cref="HttpClient"/>, a GET and a source-generated read.</summary>
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

// A cold-start build of the floor or the SDK leaves the peer out: Refit's generator would otherwise add a
// module initializer that loads Refit into those processes too.
#if !(ONLY_FLOOR || ONLY_SDK)
/// <summary>
/// The peer: the client an application would build itself from the libraries the SDK uses. A
/// source-generated Refit interface over the floor's DTO and JSON context, registered with
/// <c>AddRefitGeneratedClient</c>, the stock <c>AddStandardResilienceHandler()</c> (rate limiter, total
/// timeout, retry, circuit breaker, attempt timeout, with its telemetry) and a bearer handler inside it,
/// so once per attempt. The factory's default request logging is left on, as an application would.
/// </summary>
internal static class PeerClients
{
    public static IServiceCollection AddPeer(IServiceCollection services, HttpMessageHandler handler)
    {
        var client = services.AddRefitGeneratedClient<IPeerRunApi>(BenchJsonContext.Default)
            .ConfigureHttpClient(c => c.BaseAddress = RunFixtures.BaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        client.AddStandardResilienceHandler();
        client.AddHttpMessageHandler(() => new PeerBearerHandler("bench"));
        return services;
    }
}

/// <summary><c>GET /reports/runs/{id}</c> as a user would declare it: the DTO back, an <see cref="ApiException"/> on failure.</summary>
public interface IPeerRunApi
{
    [Get("/reports/runs/{id}")]
    Task<RunDto> GetRunAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>A fixed token, its header built once: the same work per attempt as the SDK's API-key handler.</summary>
internal sealed class PeerBearerHandler(string token) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }
}
#endif
