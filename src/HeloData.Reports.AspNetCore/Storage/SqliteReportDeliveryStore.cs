using Microsoft.Data.Sqlite;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The default <see cref="IReportDeliveryStore"/>: one small SQLite file, so handled runs are remembered
/// across restarts and a redelivery after a restart is answered without handling the run twice.
/// Processes on one machine may share the file; SQLite serializes their claims.
/// </summary>
/// <remarks>
/// One row per run: its id, and either the time its claim expires or that it was handled. Nothing from
/// the artifact and nothing secret is stored. Rows are never deleted: at tens of bytes a run, a run a
/// minute for ten years is a few hundred megabytes; delete old rows yourself if that matters.
/// </remarks>
public sealed class SqliteReportDeliveryStore : IReportDeliveryStore
{
    // A handled run has no lease: lease_until is NULL.
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS helodata_deliveries (
            run_id      TEXT    NOT NULL PRIMARY KEY,
            lease_until INTEGER NULL,
            handled_at  INTEGER NULL
        );
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _ready;

    /// <summary>Opens (and on first use creates) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; its folder is created if missing.</param>
    /// <param name="timeProvider">The clock for leases; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public SqliteReportDeliveryStore(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task<ReportDeliveryClaim> TryClaimAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE takes the write lock before reading, so two processes cannot both see "free".
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();

        await using var read = Command(connection, transaction, "SELECT lease_until, handled_at FROM helodata_deliveries WHERE run_id = $run", runId);
        await using (var row = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!row.IsDBNull(1))
                {
                    return ReportDeliveryClaim.AlreadyHandled;
                }

                if (!row.IsDBNull(0) && row.GetInt64(0) > now)
                {
                    return ReportDeliveryClaim.InProgress;
                }
            }
        }

        await using var claim = Command(
            connection,
            transaction,
            "INSERT INTO helodata_deliveries (run_id, lease_until) VALUES ($run, $until) ON CONFLICT (run_id) DO UPDATE SET lease_until = $until",
            runId);
        claim.Parameters.AddWithValue("$until", now + (long)lease.TotalMilliseconds);
        await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ReportDeliveryClaim.Claimed;
    }

    /// <inheritdoc />
    public Task CompleteAsync(string runId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO helodata_deliveries (run_id, handled_at) VALUES ($run, $now) ON CONFLICT (run_id) DO UPDATE SET lease_until = NULL, handled_at = $now",
            runId,
            cancellationToken);

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM helodata_deliveries WHERE run_id = $run AND handled_at IS NULL", runId, cancellationToken);

    private async Task ExecuteAsync(string sql, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, runId);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string runId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run", runId);
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            if (!Volatile.Read(ref _ready))
            {
                await _created.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!_ready)
                    {
                        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                        await using var create = connection.CreateCommand();
                        create.CommandText = Schema;
                        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        Volatile.Write(ref _ready, true);
                        return connection;
                    }
                }
                finally
                {
                    _created.Release();
                }
            }

            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
