using HeloData.Reports.Collector;
using HeloData.Reports.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

// The collector's state in PostgreSQL.
public static partial class ReportsCollectorPostgreSqlExtensions
{
    /// <summary>
    /// Keeps the collector's state in PostgreSQL, which every instance collecting the same account shares: each run is
    /// claimed by one instance at a time, and a claim whose instance stopped renewing it is taken over after
    /// <see cref="ReportsCollectorOptions.ClaimLease"/>. The tables are in the schema
    /// <see cref="PostgreSqlCollectorStateStore.DefaultSchema"/>, created or upgraded when the host starts; give every
    /// instance its own <see cref="ReportsCollectorOptions.InstanceName"/>.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="connectionString">
    /// An Npgsql connection string. Its password never appears in a log or a message; read it from configuration or a
    /// secret store, never from a command line.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank, cannot be read, or names no host.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReportsCollector(o => o.InstanceName = Environment.GetEnvironmentVariable("HOSTNAME"))
    ///     .UsePostgreSqlState(builder.Configuration.GetConnectionString("Collector")!)
    ///     .AddHandler&lt;MyRunHandler&gt;();
    /// </code>
    /// </example>
    public static IReportsCollectorBuilder UsePostgreSqlState(this IReportsCollectorBuilder builder, string connectionString) =>
        UsePostgreSqlState(builder, connectionString, PostgreSqlCollectorStateStore.DefaultSchema);

    /// <summary>Keeps the collector's state in PostgreSQL, in a schema of the application's choosing; otherwise as <see cref="UsePostgreSqlState(IReportsCollectorBuilder, string)"/>.</summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="connectionString">An Npgsql connection string; its password never appears in a log or a message.</param>
    /// <param name="schema">The schema of the collector's tables: lower-case letters, digits and underscores.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank, cannot be read, or names no host, or <paramref name="schema"/> is not such a name.</exception>
    public static IReportsCollectorBuilder UsePostgreSqlState(this IReportsCollectorBuilder builder, string connectionString, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgreSqlEndpoint.Of(connectionString);
        CollectorSchema.Quote(schema);

        // The store opens the data source when first asked for, and closes it with the application's services.
        return UseStore(builder, () => (NpgsqlDataSource.Create(connectionString), true), schema);
    }

    /// <summary>
    /// Keeps the collector's state in PostgreSQL through a data source the application built (and disposes), for
    /// settings a connection string cannot carry, such as a password provider; otherwise as
    /// <see cref="UsePostgreSqlState(IReportsCollectorBuilder, string)"/>.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="dataSource">The database; the collector does not dispose it.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The data source's connection string names no host.</exception>
    public static IReportsCollectorBuilder UsePostgreSqlState(this IReportsCollectorBuilder builder, NpgsqlDataSource dataSource) =>
        UsePostgreSqlState(builder, dataSource, PostgreSqlCollectorStateStore.DefaultSchema);

    /// <summary>Keeps the collector's state in PostgreSQL through the application's data source, in a schema of its choosing; otherwise as <see cref="UsePostgreSqlState(IReportsCollectorBuilder, NpgsqlDataSource)"/>.</summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="dataSource">The database; the collector does not dispose it.</param>
    /// <param name="schema">The schema of the collector's tables: lower-case letters, digits and underscores.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The data source's connection string names no host, or <paramref name="schema"/> is not such a name.</exception>
    public static IReportsCollectorBuilder UsePostgreSqlState(this IReportsCollectorBuilder builder, NpgsqlDataSource dataSource, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        PostgreSqlEndpoint.Of(dataSource.ConnectionString);
        CollectorSchema.Quote(schema);
        return UseStore(builder, () => (dataSource, false), schema);
    }

    private static IReportsCollectorBuilder UseStore(IReportsCollectorBuilder builder, Func<(NpgsqlDataSource DataSource, bool Owned)> dataSource, string schema)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Replace(ServiceDescriptor.Singleton<ICollectorStateStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value;
            var (source, owned) = dataSource();
            return new PostgreSqlCollectorStateStore(
                source,
                owned,
                options.InstanceName ?? Environment.MachineName,
                provider.GetRequiredService<TimeProvider>(),
                schema,
                provider.GetService<ILogger<PostgreSqlCollectorStateStore>>())
            {
                ClockSkewLimit = options.ClaimLease / 4,
            };
        }));
        return builder;
    }
}
