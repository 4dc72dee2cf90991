using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the collector's state store, and adds its handlers and sinks.</summary>
public static partial class ReportsCollectorBuilderExtensions
{
    /// <summary>The state store's file when none is chosen, in the host's content root.</summary>
    internal const string DefaultSqliteStatePath = "helodata-collector.db";

    /// <summary>
    /// Keeps the collector's state in a SQLite file (<see cref="SqliteCollectorStateStore"/>), the default: for one
    /// instance, or a few processes on one machine, each with its own <see cref="ReportsCollectorOptions.InstanceName"/>.
    /// Replaces any state store registered before.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="path">The database file; a relative path is relative to the host's content root (the application's folder without a host). Its folder is created if missing.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or blank.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReportsCollector(o => o.Reports = ["rep_..."]).UseSqliteState("state/collector.db");
    /// </code>
    /// </example>
    public static IReportsCollectorBuilder UseSqliteState(this IReportsCollectorBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Replace(ServiceDescriptor.Singleton<ICollectorStateStore>(services => CreateSqliteState(services, path)));
        return builder;
    }

    /// <summary>The SQLite store at <paramref name="path"/> (relative to the content root), under the options' instance name and the registered clock.</summary>
    internal static SqliteCollectorStateStore CreateSqliteState(IServiceProvider services, string path)
    {
        var options = services.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value;
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return new SqliteCollectorStateStore(
            Path.Combine(root, path),
            options.InstanceName ?? Environment.MachineName,
            services.GetRequiredService<TimeProvider>());
    }
}
