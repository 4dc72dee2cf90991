using HeloData.Reports;
using HeloData.Reports.Collector;
using Microsoft.Extensions.Configuration;
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
        return AddCollector(services, services.AddOptions<ReportsCollectorOptions>().Configure(configure));
    }

    /// <summary>
    /// Registers the collector as <see cref="AddHeloReportsCollector(IServiceCollection, Action{ReportsCollectorOptions})"/>
    /// does, with options bound from a configuration section (by the configuration binder's source generator: no
    /// reflection, safe to trim and to publish with Native AOT). A setting the section leaves out keeps its default;
    /// to set one in code as well, add <c>services.Configure&lt;ReportsCollectorOptions&gt;(o => …)</c> after this call
    /// (options are configured in registration order, so the code wins).
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="section">
    /// The section holding <c>Reports</c> (an array of ids), <c>Since</c>, <c>Backfill</c>, <c>PollInterval</c>,
    /// <c>GapGracePeriod</c>, <c>MaxConcurrentRuns</c>, <c>ClaimLease</c>, <c>InstanceName</c> and
    /// <c>TemporaryDirectory</c>; durations as <c>d.hh:mm:ss</c>.
    /// </param>
    /// <returns>A builder that chooses the state store and adds the handlers and sinks, which take each run in the order added.</returns>
    /// <example>
    /// <code>
    /// // appsettings.json: { "HeloReports": { "Collector": { "Since": "7.00:00:00", "Backfill": true } } }
    /// builder.Services.AddHeloReports(builder.Configuration.GetSection("HeloReports"));
    /// builder.Services.AddHeloReportsCollector(builder.Configuration.GetSection("HeloReports:Collector"))
    ///     .AddHandler&lt;MyRunHandler&gt;();
    /// </code>
    /// </example>
    public static IReportsCollectorBuilder AddHeloReportsCollector(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        // A statement of its own: passed on as an argument, the net8.0 build reports the reflection binder's IL2026/IL3050
        // on this call although the binder's source generator intercepts it.
        services.AddOptions<ReportsCollectorOptions>().Bind(section);
        return AddCollector(services, services.AddOptions<ReportsCollectorOptions>());
    }

    private static IReportsCollectorBuilder AddCollector(IServiceCollection services, OptionsBuilder<ReportsCollectorOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportsCollectorOptions>, ReportsCollectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICollectorStateStore>(DefaultStateStore);
        services.TryAddSingleton(provider => new KnownReports(Client(provider)));
        services.TryAddSingleton(provider => new RunContent(Client(provider), provider.GetRequiredService<CollectorSpool>()));
        services.TryAddSingleton<CollectorSpool>();
        services.TryAddSingleton<CollectorStartup>();
        services.TryAddSingleton<RunHandlers>();
        services.TryAddSingleton<IGapFinder, GapFinder>();
        services.TryAddSingleton<RunCollection>();
        services.TryAddSingleton<IReportsCollector>(provider => ActivatorUtilities.CreateInstance<ReportsCollector>(provider, Client(provider)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReportsCollectorService>());
        return new ReportsCollectorBuilder(services);
    }

    // The store when no Use…State chose one: UseSqliteState's default file, helodata-collector.db in the content root.
    private static ICollectorStateStore DefaultStateStore(IServiceProvider provider) =>
        ReportsCollectorBuilderExtensions.CreateSqliteState(provider, ReportsCollectorBuilderExtensions.DefaultSqliteStatePath);

    /// <summary>The instance name a store records claims under: <see cref="ReportsCollectorOptions.InstanceName"/>, or the machine's name.</summary>
    internal static string InstanceName(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value.InstanceName ?? Environment.MachineName;

    private static IReportsClient Client(IServiceProvider provider) =>
        provider.GetService<IReportsClient>()
        ?? throw new InvalidOperationException("The HeloData Reports collector needs the client: call services.AddHeloReports(...) as well as AddHeloReportsCollector(...).");
}
