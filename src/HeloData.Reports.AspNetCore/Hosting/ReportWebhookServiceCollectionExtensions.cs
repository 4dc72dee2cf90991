using HeloData.Reports.AspNetCore;
using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the receiving side of HeloData Reports webhook deliveries.</summary>
public static class ReportWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapHeloReportsWebhook</c> and <c>MapHeloReportsCollectorWebhook</c> need: the settings
    /// (validated at start-up), the verifier, and the record of runs. That record is the registered
    /// <see cref="ICollectorStateStore"/>: with the collector registered (<c>AddHeloReportsCollector</c>, before or
    /// after this call), its state store, so a run taken by one door is not taken again by the other; without it, a
    /// <see cref="SqliteCollectorStateStore"/> at <see cref="ReportWebhookOptions.StorePath"/> (or any
    /// <see cref="ICollectorStateStore"/> you register, such as <see cref="InMemoryCollectorStateStore"/> in tests).
    /// The store is opened and checked while the host starts (<see cref="ICollectorStateStore.StartAsync"/>), so a
    /// store that cannot work fails the start, not the deliveries.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options; at least <see cref="ReportWebhookOptions.SigningSecrets"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReportsWebhooks(o => o.SigningSecrets = [builder.Configuration["HeloReports:WebhookSecret"]!]);
    /// </code>
    /// </example>
    public static IServiceCollection AddHeloReportsWebhooks(this IServiceCollection services, Action<ReportWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ReportWebhookOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportWebhookOptions>, ReportWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new WebhookStateStore(provider));
        services.TryAddSingleton<WebhookSpool>();
        services.TryAddSingleton<DeliveryIntake>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveryStoreStartup>());
        services.TryAddSingleton<RunHandling>();
        services.TryAddSingleton<ReportWebhookEndpoint>();
        services.TryAddSingleton<CollectorWebhookEndpoint>();
        return services;
    }
}
