using Microsoft.Data.Sqlite;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The default <see cref="IReportDeliveryStore"/>: one small SQLite file, so handled runs are remembered
/// across restarts and a redelivery after a restart is answered without handling the run again.
/// </summary>
/// <remarks>
/// <para>
/// One row per run: its id, how many times it was claimed, and either its current claim (owner and lease) or
/// that it was handled. Nothing from the artifact and nothing secret is stored. Rows are never deleted: at
/// tens of bytes a run, a run a minute for ten years is a few hundred megabytes; delete old rows yourself if
/// that matters.
/// </para>
/// <para>
/// The file is in WAL mode and every commit is synced (<c>synchronous = FULL</c>) before its call returns.
/// Within a process, one writer on one connection serves every call, and the calls that arrive while a commit
/// is being synced share the next one: claims from one process never contend inside SQLite, and a burst costs
/// one sync, not one per call. Processes on one machine may share the file, each under its own instance name,
/// and wait at most <see cref="BusyTimeout"/> for one another before a call fails (the endpoint then answers
/// 503 with <c>Retry-After</c>).
/// </para>
/// <para>
/// The owner of a claim is this store's instance name and a life id drawn when the store is created.
/// <see cref="StartAsync"/> takes an exclusive lock file for the instance name beside the store (so two live
/// processes cannot share a name), then releases the claims earlier lives of that name left: their process
/// is gone, since it no longer holds the lock.
/// </para>
/// </remarks>
public sealed class SqliteReportDeliveryStore : IReportDeliveryStore, IAsyncDisposable, IDisposable
{
    /// <summary>How long a call waits for another process holding the file's lock before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(3);

    // A handled run has handled_at set and no claim; a claimed one has owner, life and lease_until.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS helodata_deliveries (
            run_id      TEXT    NOT NULL PRIMARY KEY,
            owner       TEXT    NULL,
            life        TEXT    NULL,
            lease_until INTEGER NULL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            unfinished  INTEGER NOT NULL DEFAULT 0,
            handled_at  INTEGER NULL
        );
        """;

    private readonly TimeProvider _time;
    private readonly string _life = Guid.NewGuid().ToString("N");
    private readonly SqliteWriter _writer;
    private FileStream? _instanceLock;

    /// <summary>Opens (and on first use creates) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; its folder is created if missing.</param>
    /// <param name="timeProvider">The clock for leases; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="instanceName">
    /// The stable name of this receiver among those sharing the file, the same after a restart;
    /// <see langword="null"/> for <see cref="Environment.MachineName"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="instanceName"/> is empty or blank.</exception>
    public SqliteReportDeliveryStore(string path, TimeProvider? timeProvider = null, string? instanceName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (instanceName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        }

        Path = System.IO.Path.GetFullPath(path);
        InstanceName = instanceName ?? Environment.MachineName;
        _time = timeProvider ?? TimeProvider.System;
        _writer = new SqliteWriter(Path, BusyTimeout, Schema);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The instance name this store's claims are recorded under (each start adds a life id of its own to the claims, not to this name).</summary>
    public string InstanceName { get; }

    /// <summary>
    /// Takes the instance name's lock, opens the file, creates the table if missing, and releases the claims
    /// earlier lives of this instance name left.
    /// </summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the store is ready.</returns>
    /// <exception cref="InvalidOperationException">
    /// The store cannot be used, and the message names the file: it is not a SQLite database, its folder cannot be
    /// written, another process held its lock for <see cref="BusyTimeout"/>, or another live process uses the same
    /// instance name.
    /// </exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            _instanceLock ??= InstanceLock.Take(Path, InstanceName);
            // Opening the file (the writer's first call) is what finds a corrupt file, an unwritable folder or a held lock.
            await _writer.RunAsync(
                connection => Execute(
                    connection,
                    "UPDATE helodata_deliveries SET owner = NULL, life = NULL, lease_until = NULL, unfinished = 1 WHERE owner = $owner AND life <> $life AND lease_until IS NOT NULL AND handled_at IS NULL",
                    ("$owner", InstanceName),
                    ("$life", _life)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new InvalidOperationException($"The delivery store {Path} cannot be used: {Reason(exception)}", exception);
        }
    }

    /// <inheritdoc />
    public Task<ReportDeliveryClaim> TryClaimAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return _writer.RunAsync(
            connection =>
            {
                // The writer's transaction began IMMEDIATE, with the write lock: two processes cannot both see "free".
                var now = Now();
                bool abandoned;
                using (var read = Command(connection, "SELECT lease_until, handled_at FROM helodata_deliveries WHERE run_id = $run", ("$run", runId)))
                using (var row = read.ExecuteReader())
                {
                    var found = row.Read();
                    if (found && !row.IsDBNull(1))
                    {
                        return ReportDeliveryClaim.AlreadyHandled;
                    }

                    if (found && !row.IsDBNull(0) && row.GetInt64(0) > now)
                    {
                        return ReportDeliveryClaim.InProgress;
                    }

                    // A lease that ended with neither completion nor release: its handler's outcome is unknown.
                    abandoned = found && !row.IsDBNull(0);
                }

                using var claim = Command(
                    connection,
                    """
                    INSERT INTO helodata_deliveries (run_id, owner, life, lease_until, attempts, unfinished) VALUES ($run, $owner, $life, $until, 1, $abandoned)
                    ON CONFLICT (run_id) DO UPDATE SET owner = $owner, life = $life, lease_until = $until, attempts = attempts + 1, unfinished = unfinished | $abandoned
                    RETURNING attempts, unfinished
                    """,
                    ("$run", runId),
                    ("$owner", InstanceName),
                    ("$life", _life),
                    ("$until", now + (long)lease.TotalMilliseconds),
                    ("$abandoned", abandoned ? 1 : 0));
                using var claimed = claim.ExecuteReader();
                claimed.Read();
                return new ReportDeliveryClaim(ReportDeliveryClaimStatus.Claimed, claimed.GetInt32(0), claimed.GetInt64(1) != 0);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE helodata_deliveries SET lease_until = $until WHERE run_id = $run AND life = $life AND lease_until IS NOT NULL AND handled_at IS NULL",
            runId,
            lease,
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    public Task CompleteAsync(string runId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO helodata_deliveries (run_id, handled_at) VALUES ($run, $now) ON CONFLICT (run_id) DO UPDATE SET owner = NULL, life = NULL, lease_until = NULL, handled_at = $now",
            runId,
            TimeSpan.Zero,
            cancellationToken);

    /// <inheritdoc />
    public Task ReleaseAsync(string runId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE helodata_deliveries SET owner = NULL, life = NULL, lease_until = NULL WHERE run_id = $run AND life = $life AND handled_at IS NULL",
            runId,
            TimeSpan.Zero,
            cancellationToken);

    /// <summary>Closes the connection and lets go of the instance name's lock.</summary>
    /// <returns>A task that completes once both are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _instanceLock?.Dispose();
    }

    /// <summary>Closes the connection and lets go of the instance name's lock.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task<int> ExecuteAsync(string sql, string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return _writer.RunAsync(
            connection =>
            {
                var now = Now();
                return Execute(connection, sql, ("$run", runId), ("$life", _life), ("$now", now), ("$until", now + (long)lease.TotalMilliseconds));
            },
            cancellationToken);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        return command;
    }

    private static string Reason(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 26 } => "it is not a SQLite database (SQLITE_NOTADB).",
        SqliteException { SqliteErrorCode: 11 } => "the database file is corrupt (SQLITE_CORRUPT).",
        SqliteException { SqliteErrorCode: 5 or 6 } or TimeoutException => $"another process held its lock for {BusyTimeout.TotalSeconds:0} s.",
        SqliteException { SqliteErrorCode: 8 or 14 } sqlite => $"it cannot be opened for writing ({sqlite.Message}).",
        _ => exception.Message,
    };
}
