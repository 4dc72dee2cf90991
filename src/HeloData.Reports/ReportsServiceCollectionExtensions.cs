using HeloData.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The DI entry point lives where IServiceCollection does, so no extra using is needed to find it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HeloData Reports client with dependency injection.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReportsClient"/> as a singleton over <c>IHttpClientFactory</c>, with options
    /// configured in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="ReportsClientOptions.ApiKey"/> is required, here or in the environment.</param>
    /// <returns>The SDK's <see cref="IHttpClientBuilder"/> for the API host, to add the application's own handlers.</returns>
    /// <example><code>services.AddHeloReports(o => o.ApiKey = builder.Configuration["HeloReports:ApiKey"]);</code></example>
    public static IHttpClientBuilder AddHeloReports(this IServiceCollection services, Action<ReportsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ReportsClientOptions>().Configure(configure);
        return services.AddHeloReports();
    }

    /// <summary>Registers the client with options bound from a configuration section: <c>HeloReports</c>, as the docs use.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, timeouts and retry settings.</param>
    /// <returns>The SDK's <see cref="IHttpClientBuilder"/> for the API host, to add the application's own handlers.</returns>
    /// <remarks>A validation message names the key as set, such as <c>HeloReports:ApiKey</c>.</remarks>
    /// <example><code>services.AddHeloReports(builder.Configuration.GetSection("HeloReports"));</code></example>
    public static IHttpClientBuilder AddHeloReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportsClientOptions>()
            .Bind(configuration)
            .Configure(options => SettingSources.RecordSection(options, configuration));
        return services.AddHeloReports();
    }

    /// <summary>
    /// Registers the client, with options configured elsewhere (for example by
    /// <c>services.Configure&lt;ReportsClientOptions&gt;(…)</c>). The options are validated when the host
    /// starts. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The SDK's <see cref="IHttpClientBuilder"/> for the API host, to add the application's own handlers.</returns>
    /// <remarks>
    /// An API key or base address that configuration and code leave unset is read from the environment
    /// variables <see cref="ReportsClientOptions.ApiKeyEnvironmentVariable"/> and
    /// <see cref="ReportsClientOptions.BaseAddressEnvironmentVariable"/>, after every other configuration
    /// of the options: a value set in configuration or code wins.
    /// This is the SDK's only wiring: a client built with <c>new ReportsClient(…)</c> runs on the same
    /// registration, in a container of its own, without the environment fallback. Handlers, outermost first: resilience (Polly, one pipeline
    /// per container) → API key → per-attempt logging → the application's handlers → sockets.
    /// </remarks>
    public static IHttpClientBuilder AddHeloReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var api = services.AddHttpClient(ReportsClientDefaults.HttpClientName);
        if (services.Any(d => d.ServiceType == typeof(ReportsTransport)))
        {
            return api;
        }

        services.TryAddSingleton(EnvironmentSource.Process);
        services.AddOptions<ReportsClientOptions>()
            .PostConfigure<EnvironmentSource>(static (options, environment) =>
            {
                if (SettingSources.ApplyEnvironment(options, environment) is { } problem)
                {
                    throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(ReportsClientOptions), [problem]);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportsClientOptions>>(ReportsClientOptionsValidator.Instance));
        services.AddSingleton(sp => new ReportsTransport(sp.GetRequiredService<IHttpClientFactory>(), Time(sp)));
        services.AddSingleton(sp => new ArtifactDownloader(
            sp.GetRequiredService<ReportsTransport>(), sp.GetRequiredService<IHttpClientFactory>(), Time(sp), Options(sp).DownloadIdleTimeout));
        services.TryAddSingleton<IReportsClient>(sp => new ReportsClient(
            sp.GetRequiredService<ReportsTransport>(), sp.GetRequiredService<ArtifactDownloader>(), Time(sp)));

        // The download host gets a client of its own with no API-key handler: the key never goes there.
        // No HttpClient.Timeout on it: an artifact may take long; DownloadIdleTimeout bounds silence instead.
        services.AddHttpClient(ReportsClientDefaults.DownloadHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new RequestLoggingHandler(HttpLogger(sp), Time(sp)))
            .RemoveAllLoggers();

        api.ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = Options(sp).BaseAddress;

                // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut across it.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler((handler, _) => ConfigurePool(handler))

            // The transport keeps one client for its life; the pool's own lifetime replaces rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // One pipeline per container: Polly's strategies are stateless here, so building them once saves
        // the cost on every handler chain (docs/benchmarks.md, P1).
        services.AddSingleton(sp => ReportsResilience.Build(Options(sp), Time(sp), HttpLogger(sp)));
        return api
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredService<Polly.ResiliencePipeline<HttpResponseMessage>>(), Time(sp)))
            .AddHttpMessageHandler(sp => new ApiKeyHandler(Options(sp).ApiKey!, Options(sp).BaseAddress))
            .AddHttpMessageHandler(sp => new RequestLoggingHandler(HttpLogger(sp), Time(sp)))

            // The factory's own request logging would print full URIs; the RequestLoggingHandler's lines redact them.
            .RemoveAllLoggers();
    }

    // Many concurrent waits share a small pool instead of opening a socket each (docs/benchmarks.md), and
    // pooled connections are recycled, so a long-lived client still follows DNS changes.
    private static void ConfigurePool(HttpMessageHandler handler)
    {
        if (handler is SocketsHttpHandler sockets)
        {
            sockets.MaxConnectionsPerServer = ReportsClientDefaults.MaxConnectionsPerServer;
            sockets.PooledConnectionLifetime = ReportsClientDefaults.PooledConnectionLifetime;
        }
        else if (handler is HttpClientHandler client)
        {
            client.MaxConnectionsPerServer = ReportsClientDefaults.MaxConnectionsPerServer;
        }
    }

    private static ReportsClientOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ReportsClientOptions>>().Value;

    private static ILogger HttpLogger(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(RequestLoggingHandler.Category);

    private static TimeProvider Time(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;
}
