using HeloData.Reports.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the receiving side of HeloData Reports webhook deliveries.</summary>
public static class ReportWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapHeloReportsWebhook</c> needs: the settings (validated at start-up), the verifier,
    /// and the record of handled runs (a SQLite file at <see cref="ReportWebhookOptions.StorePath"/>, unless an
    /// <see cref="IReportDeliveryStore"/> is registered), which is opened and checked while the host starts
    /// (<see cref="IReportDeliveryStore.StartAsync"/>), so a store that cannot work fails the start, not the deliveries.
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
        services.TryAddSingleton<IReportDeliveryStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ReportWebhookOptions>>().Value;
            var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            return new SqliteReportDeliveryStore(Path.Combine(root, options.StorePath), provider.GetRequiredService<TimeProvider>(), options.InstanceName);
        });
        services.TryAddSingleton<SpoolFolder>();
        services.TryAddSingleton<DeliveryIntake>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveryStoreStartup>());
        services.TryAddSingleton<RunHandling>();
        services.TryAddSingleton<ReportWebhookEndpoint>();
        return services;
    }
}
