using HeloData.Reports.Collector;
using HeloData.Reports.PostgreSql;
using HeloData.Reports.PostgreSql.Sink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

// The table sink: every run's rows in PostgreSQL.
public static partial class ReportsCollectorPostgreSqlExtensions
{
    /// <summary>
    /// Loads every collected run's rows into a PostgreSQL table of its report type (<c>helodata_traffic</c>,
    /// <c>helodata_requests</c>, <c>helodata_invoices</c>, <c>helodata_subusers</c>, <c>helodata_isp_batches</c>): the
    /// row type's documented columns, each of a type that keeps its values exactly, after <c>report_id</c>,
    /// <c>run_id</c>, <c>window_from</c>, <c>window_to</c> and <c>row_number</c>. Missing tables are created when the
    /// host starts. A run replaces the rows of any run loaded before for the same report and window, in one
    /// transaction with its binary <c>COPY</c>, so each window holds one run's rows even when the service made two
    /// runs for it or a run is delivered again.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="connectionString">
    /// An Npgsql connection string. Its password never appears in a log, a message or the handler's name; read it
    /// from configuration or a secret store, never from a command line.
    /// </param>
    /// <param name="schema">The schema of the tables (lower-case letters, digits and underscores), created if missing.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> cannot be read or names no host, or <paramref name="schema"/> is not such a name.</exception>
    /// <remarks>
    /// The handler's name is <c>postgresql:{host}:{port}/{database}</c> (then <c>/{schema}</c> for a schema other than
    /// <c>public</c>). Columns of an artifact that its row type does not know are not loaded (a warning names them).
    /// A run of a report type this package has no table for fails with <see cref="PostgreSqlLoadException"/>, as
    /// does a malformed artifact; nothing of such a run is written.
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReportsCollector(o => o.Reports = ["rep_..."])
    ///     .LoadIntoPostgreSql(builder.Configuration.GetConnectionString("Warehouse")!);
    /// </code>
    /// </example>
#pragma warning disable RS0026 // The overloads differ in their second parameter's type (string, NpgsqlDataSource): no call binds to both.
    public static IReportsCollectorBuilder LoadIntoPostgreSql(this IReportsCollectorBuilder builder, string connectionString, string schema = "public")
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var endpoint = PostgreSqlEndpoint.Of(connectionString);
        return AddSink(builder, endpoint, SinkSql.CheckSchema(schema, nameof(schema)), () => (NpgsqlDataSource.Create(connectionString), true));
    }

    /// <summary>
    /// Loads every collected run's rows into PostgreSQL through a data source the application built (and disposes): for
    /// settings a connection string cannot carry, such as a password provider. Otherwise as the overload taking a
    /// connection string.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="dataSource">The database; the sink does not dispose it.</param>
    /// <param name="schema">The schema of the tables (lower-case letters, digits and underscores), created if missing.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The data source's connection string names no host, or <paramref name="schema"/> is not such a name.</exception>
#pragma warning disable RS0026 // As above.
    public static IReportsCollectorBuilder LoadIntoPostgreSql(this IReportsCollectorBuilder builder, NpgsqlDataSource dataSource, string schema = "public")
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        var endpoint = PostgreSqlEndpoint.Of(dataSource.ConnectionString);
        return AddSink(builder, endpoint, SinkSql.CheckSchema(schema, nameof(schema)), () => (dataSource, false));
    }

    private static IReportsCollectorBuilder AddSink(IReportsCollectorBuilder builder, PostgreSqlEndpoint endpoint, string schema, Func<(NpgsqlDataSource DataSource, bool Owned)> dataSource)
    {
        var name = PostgreSqlTableSink.HandlerName(endpoint, schema);
        builder.Services.AddKeyedSingleton(name, (provider, _) =>
        {
            var (source, owned) = dataSource();
            return new PostgreSqlTableSink(source, owned, schema, null, provider.GetService<ILoggerFactory>()?.CreateLogger<PostgreSqlTableSink>());
        });
        builder.Services.AddSingleton<IHostedService>(provider => new TableSinkStartup(provider.GetRequiredKeyedService<PostgreSqlTableSink>(name)));
        return builder.AddHandler(name, provider => provider.GetRequiredKeyedService<PostgreSqlTableSink>(name));
    }
}
