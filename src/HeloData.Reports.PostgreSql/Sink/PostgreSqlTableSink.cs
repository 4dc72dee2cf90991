using HeloData.Reports.Collector;
using HeloData.Reports.Rows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Sink;

/// <summary>
/// Records, inside the sink's transaction, that the sink finished with a run: the PostgreSQL state store's record when
/// it is on the same database, so the rows and the record commit or roll back together.
/// </summary>
/// <returns><see langword="false"/> when this instance no longer holds the run's claim: the sink rolls back.</returns>
internal delegate Task<bool> TransactionalFinish(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, CancellationToken cancellationToken);

/// <summary>
/// The handler <c>LoadIntoPostgreSql</c> adds: each run's rows into its report type's table, in one transaction that
/// deletes the rows of the same report and window (an earlier run's, or this run's, loaded before), copies the run's
/// rows with binary <c>COPY</c> as they are read from its content, and, with the PostgreSQL state store on the same
/// database, records the handler's finish. Loads of one report and window take turns (an advisory lock), so two
/// instances loading two runs of one window at once leave one run's rows.
/// </summary>
internal sealed class PostgreSqlTableSink : IRunHandler, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TransactionalFinish? _finish;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private Task? _ready;

    public PostgreSqlTableSink(NpgsqlDataSource dataSource, bool ownsDataSource, string schema, TransactionalFinish? finish, ILogger? logger)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        CollectorSchema.Quote(schema);
        Schema = schema;
        _finish = finish;
        _logger = logger ?? NullLogger.Instance;
        Endpoint = PostgreSqlEndpoint.Of(dataSource.ConnectionString);
        Name = HandlerName(Endpoint, Schema);
    }

    /// <summary>The handler's name in the state store.</summary>
    public string Name { get; }

    public string Schema { get; }

    public PostgreSqlEndpoint Endpoint { get; }

    /// <summary>Whether the handler's finish is recorded in the load's own transaction.</summary>
    public bool RecordsFinish => _finish is not null;

    /// <summary><c>postgresql:{host}:{port}/{database}</c>, and <c>/{schema}</c> after it for a schema other than <c>public</c>.</summary>
    public static string HandlerName(PostgreSqlEndpoint endpoint, string schema) =>
        $"postgresql:{endpoint}{(schema == SinkSql.DefaultSchema ? string.Empty : "/" + schema)}";

    /// <summary>Creates whatever is missing of the tables, once per sink (again after a failed attempt).</summary>
    public Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = CreateTablesAsync(cancellationToken);
            }

            return _ready.WaitAsync(cancellationToken);
        }
    }

    public async Task HandleAsync(CollectedRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = SinkTables.For(run.ReportType) ?? throw new PostgreSqlLoadException(
            $"Run {run.RunId} of {run.ReportId} is a '{run.ReportType}' report, which the PostgreSQL sink has no table for (it loads {string.Join(", ", SinkTables.Every.Select(t => t.ReportType))}): "
            + "update HeloData.Reports.PostgreSql, or leave this report out of the collector. The run is offered again at the next pass.",
            run.RunId);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var qualified = $"{Schema}.{table.Name}";

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var replaced = await ReplaceWindowAsync(connection, transaction, table.QuotedIn(Schema), run, cancellationToken).ConfigureAwait(false);
                var (rows, notLoaded) = await CopyAsync(connection, table, Schema, run, cancellationToken).ConfigureAwait(false);
                if (_finish is not null && !await _finish(connection, transaction, run.RunId, cancellationToken).ConfigureAwait(false))
                {
                    throw new PostgreSqlLoadException(
                        $"Run {run.RunId} was not loaded into {qualified}: this instance lost its claim on the run (its lease ran out and another instance took it over), so its rows were rolled back.",
                        run.RunId,
                        qualified);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (notLoaded.Count > 0)
                {
                    SinkLog.ColumnsNotLoaded(_logger, run.RunId, run.ReportType.ToString(), qualified, string.Join(", ", notLoaded));
                }

                var (from, to) = SinkTable.WindowOf(run);
                SinkLog.Loaded(_logger, run.RunId, run.ReportId, from, to, qualified, rows, replaced);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Both, so a service provider disposed either way closes a data source the sink opened.
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    public override string ToString() => $"PostgreSQL table sink {Name}";

    private async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        var statements = await SinkTables.EnsureAsync(_dataSource, Schema, cancellationToken, logger: _logger).ConfigureAwait(false);
        if (statements > 0)
        {
            SinkLog.TablesCreated(_logger, Schema, Endpoint, statements);
        }
    }

    // The lock is the transaction's: a second load of the same report and window waits here until the first commits,
    // then deletes what it wrote, so the window holds one run's rows whichever order the loads end in.
    private static async Task<long> ReplaceWindowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string qualified, CollectedRun run, CancellationToken cancellationToken)
    {
        var (from, to) = SinkTable.WindowOf(run);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                {
                    Parameters = { new() { Value = $"HeloData.Reports.PostgreSql {qualified} {run.ReportId} {from:yyyy-MM-dd} {to:yyyy-MM-dd}" } },
                },
                new NpgsqlBatchCommand($"DELETE FROM {qualified} WHERE report_id = $1 AND window_from = $2 AND window_to = $3")
                {
                    Parameters = { new() { Value = run.ReportId }, new() { Value = from }, new() { Value = to } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return batch.BatchCommands[1].RecordsAffected;
    }

    private static async Task<SinkTable.Copied> CopyAsync(NpgsqlConnection connection, SinkTable table, string schema, CollectedRun run, CancellationToken cancellationToken)
    {
        var qualified = $"{schema}.{table.Name}";
        try
        {
            return await table.CopyAsync(connection, schema, run, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportRowFormatException malformed)
        {
            throw new PostgreSqlLoadException(
                $"Run {run.RunId} was not loaded into {qualified}: {malformed.Message} Nothing of the run was written.",
                run.RunId,
                qualified,
                malformed.Column,
                malformed.RowNumber == 0 ? null : malformed.RowNumber,
                malformed);
        }
        catch (PostgresException refused)
        {
            throw new PostgreSqlLoadException(
                $"Run {run.RunId} was not loaded into {qualified}: the server refused its rows ({refused.SqlState}: {refused.MessageText}{(refused.Where is { } where ? "; " + where : string.Empty)}). Nothing of the run was written.",
                run.RunId,
                qualified,
                refused.ColumnName,
                innerException: refused);
        }
    }
}
