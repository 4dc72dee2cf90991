using HeloData.Reports.Collector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HeloData.Reports.PostgreSql;

/// <summary>
/// An <see cref="ICollectorStateStore"/> in a PostgreSQL database that several collector instances share: each run
/// is claimed by one of them at a time, in one statement, and its lease is checked by the database.
/// </summary>
/// <remarks>
/// <para>
/// The tables live in one schema (<see cref="DefaultSchema"/> unless told otherwise), created and upgraded by
/// <see cref="StartAsync"/> under an advisory lock, so instances may start at once; the versions applied are recorded
/// in its <c>schema_version</c> table. The user needs the right to create that schema on the first start only,
/// or <c>USAGE</c> and <c>CREATE</c> on a schema a DBA created in advance.
/// </para>
/// <para>
/// Leases are judged by this store's <see cref="TimeProvider"/>, so the clocks of the instances sharing a database
/// should agree to well within a lease (NTP does): the start compares this clock with the database's and logs a
/// warning when they differ by more than a quarter of the lease. Every instance needs its own
/// <see cref="ReportsCollectorOptions.InstanceName"/>: a started store holds a session-level advisory lock on its
/// schema and instance name, on a connection of its own, until it is disposed, so a second live store of that name
/// fails to start; a store that starts releases the claims its name's earlier (dead) lives left. Should that
/// connection be lost, the store logs an error and renews no claim from then on: its claims lapse after their lease
/// and the collector stops their handlers (restart the process). A process whose host died without closing its
/// connection (power loss, a network cut) holds the lock until the server notices (its <c>tcp_keepalives_*</c>
/// settings) or a DBA ends the session; a server's <c>idle_session_timeout</c> ends the lock's idle session too.
/// </para>
/// <para>
/// A call that reaches no database, or loses its connection, throws an <see cref="NpgsqlException"/> (its
/// <see cref="NpgsqlException.IsTransient"/> is <see langword="true"/> for a lost connection or a server shutting
/// down): nothing was recorded, or the claim it took is released again by the caller's
/// <see cref="ReleaseAsync"/>, and the collector tries the run again at its next pass. An error the server
/// reports (a <see cref="PostgresException"/>, such as a missing privilege) is not transient.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlCollectorStateStore : ICollectorStateStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema the store's tables are in unless told otherwise.</summary>
    public const string DefaultSchema = "helodata_collector";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _quotedSchema;
    private InstanceSession? _session;
    private int _sessionLost;

    /// <summary>Creates a store on a data source the caller keeps (and disposes).</summary>
    /// <param name="dataSource">The database; the store does not dispose it.</param>
    /// <param name="instanceName">This instance's name in its claims: stable across restarts, different on every instance.</param>
    /// <param name="timeProvider">The clock of the leases and of the times recorded.</param>
    /// <param name="schema">The schema of the store's tables: lower-case letters, digits and underscores.</param>
    /// <param name="logger">Where the store says what it did at start-up (schema upgraded, claims released); none by default.</param>
    /// <exception cref="ArgumentException"><paramref name="instanceName"/> is blank, <paramref name="schema"/> is not such a name, or the data source's connection string names no host.</exception>
    public PostgreSqlCollectorStateStore(NpgsqlDataSource dataSource, string instanceName, TimeProvider timeProvider, string schema = DefaultSchema, ILogger<PostgreSqlCollectorStateStore>? logger = null)
        : this(dataSource, ownsDataSource: false, instanceName, timeProvider, schema, logger)
    {
    }

    internal PostgreSqlCollectorStateStore(NpgsqlDataSource dataSource, bool ownsDataSource, string instanceName, TimeProvider timeProvider, string schema, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _quotedSchema = CollectorSchema.Quote(schema);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        InstanceName = instanceName;
        Schema = schema;

        // Npgsql keeps no password in a data source's ConnectionString (unless Persist Security Info is on); the
        // endpoint keeps none in any case.
        Endpoint = PostgreSqlEndpoint.Of(dataSource.ConnectionString);
    }

    /// <summary>The instance name this store's claims are recorded under.</summary>
    public string InstanceName { get; }

    /// <summary>The schema of the store's tables.</summary>
    public string Schema { get; }

    /// <summary>The database, with no secret: the table sink writes its handler record in its own transaction when it is on the same one.</summary>
    internal PostgreSqlEndpoint Endpoint { get; }

    /// <summary>The database the store works on.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>This store's life: the owner of its claims, with <see cref="InstanceName"/>.</summary>
    internal Guid Life { get; } = Guid.NewGuid();

    /// <summary>
    /// Creates or upgrades the schema (idempotently, under an advisory lock: instances may start at once) and
    /// releases the claims on runs and on backfills that earlier lives of <see cref="InstanceName"/> left.
    /// </summary>
    /// <param name="cancellationToken">Stops the call; a schema upgrade under way rolls back.</param>
    /// <returns>A task that completes once the store is ready.</returns>
    /// <exception cref="InvalidOperationException">The database cannot be reached or used (the message names it, never a password), or its schema is newer than this package.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // First: only once no live session holds the name are its earlier lives known dead, and theirs to release.
            _session ??= await InstanceSession.AcquireAsync(_dataSource, Schema, InstanceName, Endpoint, cancellationToken).ConfigureAwait(false);
            var (found, now) = await CollectorSchema.UpgradeAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);
            if (found != now)
            {
                StoreLog.SchemaUpgraded(_logger, Schema, Endpoint, found, now);
            }

            await CheckClockAsync(cancellationToken).ConfigureAwait(false);
            var (runs, backfills) = await ReleaseEarlierLivesAsync(cancellationToken).ConfigureAwait(false);
            if (runs + backfills > 0)
            {
                StoreLog.EarlierLivesReleased(_logger, InstanceName, runs, backfills);
            }
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The collector's PostgreSQL state store cannot start on {Endpoint.Describe()} (schema {Schema}): {e.Message}", e);
        }
    }

    /// <summary>Closes the data source when the store opened it (from a connection string); one given to the store is left open.</summary>
    /// <returns>A task that completes once the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the data source when the store opened it (from a connection string); one given to the store is left open.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>The store's database, schema and instance, with no secret.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => $"PostgreSQL collector state {Endpoint}, schema {Schema}, instance {InstanceName}";

    // Positional parameters ($1, $2, ...) in the order given; Npgsql sends the SQL as it is.
    private static void AddValues(NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    // The instance's session lock is gone with its connection: another process of the name may start and release
    // this life's claims, so this life renews none (its claims lapse, the collector stops their handlers).
    private async Task<bool> InstanceSessionHeldAsync(CancellationToken cancellationToken)
    {
        if (_session is null || await _session.IsHeldAsync(cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (Interlocked.Exchange(ref _sessionLost, 1) == 0)
        {
            StoreLog.InstanceSessionLost(_logger, InstanceName, Endpoint);
        }

        return false;
    }

    private string WithSchema(string sql) => sql.Replace("{schema}", _quotedSchema, StringComparison.Ordinal);

    private NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = _dataSource.CreateCommand(WithSchema(sql));
        AddValues(command.Parameters, values);
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
