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
    /// <c>helodata_requests</c>, <c>helodata_invoices</c>, <c>helodata_subusers</c>, <c>helodata_isp_batches</c>, in
    /// the schema <c>public</c>): the row type's documented columns, each of a type that keeps its values exactly,
    /// after <c>report_id</c>, <c>run_id</c>, <c>window_from</c>, <c>window_to</c> and <c>row_number</c>. Missing
    /// tables are created when the host starts. A run replaces the rows of any run loaded before for the same report
    /// and window, in one transaction with its binary <c>COPY</c>, so each window holds one run's rows even when the
    /// service made two runs for it or a run is delivered again.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="connectionString">
    /// An Npgsql connection string. Its password never appears in a log, a message or the handler's name; read it
    /// from configuration or a secret store, never from a command line.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank, cannot be read, or names no host.</exception>
    /// <remarks>
    /// <para>
    /// The handler's name is <c>postgresql:{host}:{port}/{database}</c> (then <c>/{schema}</c> for a schema other than
    /// <c>public</c>). With <c>UsePostgreSqlState</c> on the same database (same host, port, database and user), the
    /// handler's finish is recorded in the load's own transaction, after checking that this instance still holds the
    /// run's claim: the rows and the record commit together or not at all.
    /// </para>
    /// <para>
    /// Columns of an artifact that its row type does not know are not loaded (a warning names them). A run of a
    /// report type this package has no table for fails with <see cref="PostgreSqlLoadException"/>, as does a
    /// malformed artifact; nothing of such a run is written, and the collector offers it again at its next pass.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddHeloReportsCollector(o => o.Reports = ["rep_..."])
    ///     .LoadIntoPostgreSql(builder.Configuration.GetConnectionString("Warehouse")!);
    /// </code>
    /// </example>
    public static IReportsCollectorBuilder LoadIntoPostgreSql(this IReportsCollectorBuilder builder, string connectionString) =>
        LoadIntoPostgreSql(builder, connectionString, SinkSql.DefaultSchema);

    /// <summary>Loads every collected run's rows into PostgreSQL tables in a schema of the application's choosing (created if missing); otherwise as <see cref="LoadIntoPostgreSql(IReportsCollectorBuilder, string)"/>.</summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="connectionString">An Npgsql connection string; its password never appears in a log, a message or the handler's name.</param>
    /// <param name="schema">The schema of the tables: lower-case letters, digits and underscores.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank, cannot be read, or names no host, or <paramref name="schema"/> is not such a name.</exception>
    public static IReportsCollectorBuilder LoadIntoPostgreSql(this IReportsCollectorBuilder builder, string connectionString, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var endpoint = PostgreSqlEndpoint.Of(connectionString);
        CollectorSchema.Quote(schema);
        return AddSink(builder, endpoint, schema, () => (NpgsqlDataSource.Create(connectionString), true));
    }

    /// <summary>
    /// Loads every collected run's rows into PostgreSQL through a data source the application built (and disposes), for
    /// settings a connection string cannot carry, such as a password provider; otherwise as
    /// <see cref="LoadIntoPostgreSql(IReportsCollectorBuilder, string)"/>.
    /// </summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="dataSource">The database; the sink does not dispose it.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The data source's connection string names no host.</exception>
    public static IReportsCollectorBuilder LoadIntoPostgreSql(this IReportsCollectorBuilder builder, NpgsqlDataSource dataSource) =>
        LoadIntoPostgreSql(builder, dataSource, SinkSql.DefaultSchema);

    /// <summary>Loads every collected run's rows into PostgreSQL through the application's data source, in a schema of its choosing; otherwise as <see cref="LoadIntoPostgreSql(IReportsCollectorBuilder, NpgsqlDataSource)"/>.</summary>
    /// <param name="builder">The collector's builder.</param>
    /// <param name="dataSource">The database; the sink does not dispose it.</param>
    /// <param name="schema">The schema of the tables: lower-case letters, digits and underscores.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The data source's connection string names no host, or <paramref name="schema"/> is not such a name.</exception>
    public static IReportsCollectorBuilder LoadIntoPostgreSql(this IReportsCollectorBuilder builder, NpgsqlDataSource dataSource, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        var endpoint = PostgreSqlEndpoint.Of(dataSource.ConnectionString);
        CollectorSchema.Quote(schema);
        return AddSink(builder, endpoint, schema, () => (dataSource, false));
    }

    private static IReportsCollectorBuilder AddSink(IReportsCollectorBuilder builder, PostgreSqlEndpoint endpoint, string schema, Func<(NpgsqlDataSource DataSource, bool Owned)> dataSource)
    {
        var name = PostgreSqlTableSink.HandlerName(endpoint, schema);
        builder.Services.AddKeyedSingleton(name, (provider, _) =>
        {
            var (source, owned) = dataSource();
            return new PostgreSqlTableSink(source, owned, schema, FinishInTransaction(provider, endpoint, name), provider.GetService<ILoggerFactory>()?.CreateLogger<PostgreSqlTableSink>());
        });
        builder.Services.AddSingleton<IHostedService>(provider => new TableSinkStartup(provider.GetRequiredKeyedService<PostgreSqlTableSink>(name)));
        return builder.AddHandler(name, provider => provider.GetRequiredKeyedService<PostgreSqlTableSink>(name));
    }

    // The store's record in the sink's own transaction, when the store is the PostgreSQL one on the sink's database;
    // otherwise the collector records the finish after the sink returns (a crash in between loads the run again,
    // which replaces its own rows).
    private static TransactionalFinish? FinishInTransaction(IServiceProvider provider, PostgreSqlEndpoint endpoint, string name) =>
        provider.GetService<ICollectorStateStore>() is PostgreSqlCollectorStateStore store && store.Endpoint == endpoint
            ? (connection, transaction, runId, cancellationToken) => store.RecordHandlerFinishedAsync(connection, transaction, runId, name, cancellationToken)
            : null;
}
