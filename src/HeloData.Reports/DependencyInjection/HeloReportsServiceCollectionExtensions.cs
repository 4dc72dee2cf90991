using HeloData.Reports;
using HeloData.Reports.Api;
using HeloData.Reports.DependencyInjection;
using HeloData.Reports.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The DI entry point lives where IServiceCollection does, so no extra using is needed to find it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HeloData Reports client with dependency injection.</summary>
public static class HeloReportsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReportsClient"/> (and <see cref="ReportsClient"/>) as a singleton over
    /// <c>IHttpClientFactory</c>, with options configured in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="HeloReportsOptions.ApiKey"/> is required.</param>
    /// <returns>The SDK's <see cref="IHttpClientBuilder"/>, to add the application's own handlers.</returns>
    /// <example><code>services.AddHeloReports(o => o.ApiKey = builder.Configuration["HeloData:ApiKey"]);</code></example>
    public static IHttpClientBuilder AddHeloReports(this IServiceCollection services, Action<HeloReportsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HeloReportsOptions>().Configure(configure);
        return services.AddHeloReports();
    }

    /// <summary>Registers the client with options bound from a configuration section (conventionally <c>HeloReports</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, timeouts and retry settings.</param>
    /// <returns>The SDK's <see cref="IHttpClientBuilder"/>, to add the application's own handlers.</returns>
    public static IHttpClientBuilder AddHeloReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HeloReportsOptions>().Bind(configuration);
        return services.AddHeloReports();
    }

    /// <summary>
    /// Registers the client, with options configured elsewhere (for example by
    /// <c>services.Configure&lt;HeloReportsOptions&gt;(…)</c>). The options are validated when the host starts.
    /// Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The SDK's <see cref="IHttpClientBuilder"/>, to add the application's own handlers.</returns>
    public static IHttpClientBuilder AddHeloReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddHttpClient(HeloReportsDefaults.HttpClientName);
        if (services.Any(d => d.ServiceType == typeof(ReportsClient)))
        {
            return builder;
        }

        services.AddOptions<HeloReportsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HeloReportsOptions>>(HeloReportsOptionsValidator.Instance));
        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new ReportsClient(
                new ReportsApiSource.FromFactory(factory, HeloReportsDefaults.HttpClientName, Time(sp), ClientRenewal(sp)),
                () => factory.CreateClient(HeloReportsDefaults.DownloadHttpClientName),
                Time(sp),
                Options(sp).DownloadIdleTimeout);
        });

        // The download host gets a client of its own with no API-key handler: the key never goes there.
        services.AddHttpClient(HeloReportsDefaults.DownloadHttpClientName)
            .ConfigureHttpClient(client => StandaloneHttpClient.ConfigureForDownloads(client))
            .AddHttpMessageHandler(sp => Logging(sp))
            .RemoveAllLoggers();
        services.TryAddSingleton<IReportsClient>(sp => sp.GetRequiredService<ReportsClient>());

        // Outermost first, as in StandaloneHttpClient: resilience → key (per attempt) → log (per attempt) → network.
        // One pipeline per container, not per handler chain: the circuit breaker's state must outlive
        // the factory's handler rotation.
        services.TryAddSingleton(sp => ReportsResilience.Build(Options(sp), Time(sp), HttpLogger(sp)));
        return builder
            .ConfigureHttpClient((sp, client) => StandaloneHttpClient.Configure(client, Options(sp)))
            .ConfigurePrimaryHttpMessageHandler((handler, _) => StandaloneHttpClient.LimitConnections(handler))
            .AddHttpMessageHandler(sp => new ReportsResilienceHandler(sp.GetRequiredService<ReportsPipeline>()))
            .AddHttpMessageHandler(sp => new ApiKeyHandler(Options(sp).ApiKey!, Options(sp).BaseAddress))
            .AddHttpMessageHandler(sp => Logging(sp))

            // The factory's own request logging would print full URIs; ours redacts them.
            .RemoveAllLoggers();
    }

    private static HeloReportsOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<HeloReportsOptions>>().Value;

    private static RequestLoggingHandler Logging(IServiceProvider services) => new(HttpLogger(services), Time(services));

    private static ILogger HttpLogger(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(RequestLoggingHandler.Category);

    // Follows the application's own SetHandlerLifetime on the SDK's client, if it set one.
    private static TimeSpan ClientRenewal(IServiceProvider services) => ReportsApiSource.FromFactory.RenewalFor(
        services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(HeloReportsDefaults.HttpClientName).HandlerLifetime);

    private static TimeProvider Time(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;
}
