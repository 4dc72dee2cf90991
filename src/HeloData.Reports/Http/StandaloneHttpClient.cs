using HeloData.Reports.Api;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Http;

/// <summary>
/// The handler chain of a client built without DI, in the same order the DI registration uses:
/// resilience (timeouts, retries, circuit breaker) → API key and logging, per attempt → sockets.
/// </summary>
internal static class StandaloneHttpClient
{
    public static HttpClient Create(HeloReportsOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        // A long-lived client must still notice DNS changes: recycle pooled connections.
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        LimitConnections(sockets);
        var logger = loggerFactory.CreateLogger(RequestLoggingHandler.Category);
        var logging = new RequestLoggingHandler(logger, timeProvider) { InnerHandler = sockets };
        var apiKey = new ApiKeyHandler(options.ApiKey!, options.BaseAddress) { InnerHandler = logging };
        var resilience = new ReportsResilienceHandler(ReportsResilience.Build(options, timeProvider, logger)) { InnerHandler = apiKey };
        return Configure(new HttpClient(resilience, disposeHandler: true), options);
    }

    /// <summary>
    /// The download host's client: no API-key handler at all, so the key cannot reach that host
    /// (not even through a redirect), and the per-attempt log redacts the signed query string.
    /// </summary>
    public static HttpClient CreateForDownloads(TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var logging = new RequestLoggingHandler(loggerFactory.CreateLogger(RequestLoggingHandler.Category), timeProvider) { InnerHandler = sockets };
        return ConfigureForDownloads(new HttpClient(logging, disposeHandler: true));
    }

    /// <summary>Settings of the download client, with or without DI.</summary>
    public static HttpClient ConfigureForDownloads(HttpClient client)
    {
        // An artifact may take long to stream; the caller's token bounds it, not a fixed timeout.
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    /// <summary>Settings every SDK <see cref="HttpClient"/> gets, with or without DI.</summary>
    public static HttpClient Configure(HttpClient client, HeloReportsOptions options)
    {
        client.BaseAddress = options.BaseAddress;

        // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut across it.
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    /// <summary>Caps the API client's connections (<see cref="HeloReportsDefaults.MaxConnectionsPerServer"/>), on either primary handler type.</summary>
    public static void LimitConnections(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.MaxConnectionsPerServer = HeloReportsDefaults.MaxConnectionsPerServer;
                break;
            case HttpClientHandler client:
                client.MaxConnectionsPerServer = HeloReportsDefaults.MaxConnectionsPerServer;
                break;
        }
    }

    public static ReportsApiSource CreateSource(HttpClient client) => new ReportsApiSource.Fixed(ReportsApiFactory.Create(client));
}
