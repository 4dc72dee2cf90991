using HeloData.Reports.Api;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Http;

/// <summary>
/// The handler chain of a client built without DI, in the same order the DI registration uses:
/// API key → resilience (timeouts, retries, circuit breaker) → per-attempt logging → sockets.
/// </summary>
internal static class StandaloneHttpClient
{
    public static HttpClient Create(HeloReportsOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        // A long-lived client must still notice DNS changes: recycle pooled connections.
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var logging = new RequestLoggingHandler(loggerFactory.CreateLogger(RequestLoggingHandler.Category), timeProvider) { InnerHandler = sockets };
        var resilience = new ResilienceHandler(ReportsResilience.Build(options, timeProvider)) { InnerHandler = logging };
        var apiKey = new ApiKeyHandler(options.ApiKey!) { InnerHandler = resilience };
        return Configure(new HttpClient(apiKey, disposeHandler: true), options);
    }

    /// <summary>Settings every SDK <see cref="HttpClient"/> gets, with or without DI.</summary>
    public static HttpClient Configure(HttpClient client, HeloReportsOptions options)
    {
        client.BaseAddress = options.BaseAddress;

        // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut across it.
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    public static ReportsApiSource CreateSource(HttpClient client) => new ReportsApiSource.Fixed(ReportsApiFactory.Create(client));
}
