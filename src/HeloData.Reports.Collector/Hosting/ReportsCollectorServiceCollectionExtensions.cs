using HeloData.Reports;
using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HeloData Reports collector.</summary>
public static class ReportsCollectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the collector (<see cref="IReportsCollector"/>) and a hosted service that runs a pass at start and
    /// every <see cref="ReportsCollectorOptions.PollInterval"/>. The options are checked when the host starts, and the
    /// state store is opened then, so a collector that cannot work fails the start. Needs the client:
    /// <c>AddHeloReports(...)</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder that chooses the state store and adds the handlers and sinks, which take each run in the order added.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReports(builder.Configuration.GetSection("HeloReports"));
    /// builder.Services.AddHeloReportsCollector(o => o.Since = TimeSpan.FromDays(30))
    ///     .AddHandler&lt;MyRunHandler&gt;()
    ///     .WriteToDirectory("exports");
    /// </code>
    /// </example>
    public static IReportsCollectorBuilder AddHeloReportsCollector(this IServiceCollection services, Action<ReportsCollectorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ReportsCollectorOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportsCollectorOptions>, ReportsCollectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICollectorStateStore>(DefaultStateStore);
        services.TryAddSingleton(provider => new ReportCatalog(Client(provider)));
        services.TryAddSingleton(provider => new RunContent(Client(provider), provider.GetRequiredService<CollectorSpool>()));
        services.TryAddSingleton<CollectorSpool>();
        services.TryAddSingleton<CollectorStartup>();
        services.TryAddSingleton<RunHandlers>();
        services.TryAddSingleton<RunCollection>();
        services.TryAddSingleton<IReportsCollector>(provider => ActivatorUtilities.CreateInstance<ReportsCollector>(provider, Client(provider)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReportsCollectorService>());
        return new ReportsCollectorBuilder(services);
    }

    // The store when no Use…State chose one. Seam: the final default is the SQLite store (UseSqliteState's default
    // file, helodata-collector.db in the content root); until that package part is merged, the in-memory store.
    private static ICollectorStateStore DefaultStateStore(IServiceProvider provider) =>
        new InMemoryCollectorStateStore(InstanceName(provider), provider.GetRequiredService<TimeProvider>());

    /// <summary>The instance name a store records claims under: <see cref="ReportsCollectorOptions.InstanceName"/>, or the machine's name.</summary>
    internal static string InstanceName(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value.InstanceName ?? Environment.MachineName;

    private static IReportsClient Client(IServiceProvider provider) =>
        provider.GetService<IReportsClient>()
        ?? throw new InvalidOperationException("The HeloData Reports collector needs the client: call services.AddHeloReports(...) as well as AddHeloReportsCollector(...).");
}
