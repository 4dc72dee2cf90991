using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>
/// The default <see cref="ICollectorStateStore"/>: one SQLite file, for one instance (or a few processes on one
/// machine, each under its own instance name).
/// </summary>
/// <remarks>
/// <para>
/// The file is in WAL mode and every commit is synced (<c>synchronous = FULL</c>) before its call returns, so
/// what a call recorded survives a crash of the process or the machine. Within a process, one writer on one
/// connection serves every call, and the calls that arrive while a commit is being synced share the next one.
/// Processes sharing the file wait at most <see cref="BusyTimeout"/> for one another before a call fails.
/// </para>
/// <para>
/// The owner of a claim is the instance name and a life id drawn when the store is created. <see cref="StartAsync"/>
/// takes an exclusive lock file for the instance name beside the database (so two live processes cannot share a
/// name), then releases the claims earlier lives of that name left: their process is gone, since it no longer
/// holds the lock. A claim is held while its lease lasts: any other claim, including a second one by the same
/// store, is refused until then. Times are kept to the millisecond. Rows are never deleted: at about a hundred
/// bytes a run, a run a minute for ten years is under a gigabyte; delete old rows yourself if that matters.
/// </para>
/// </remarks>
public sealed partial class SqliteCollectorStateStore : ICollectorStateStore, IAsyncDisposable, IDisposable
{
    /// <summary>How long a call waits for another process holding the file's lock before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _time;
    private readonly string _life = Guid.NewGuid().ToString("N");
    private readonly SqliteWriter _writer;
    private FileStream? _instanceLock;

    /// <summary>Creates the store on the database at <paramref name="path"/> (created, with its folder, on first use); nothing is opened before <see cref="StartAsync"/>.</summary>
    /// <param name="path">The database file; a relative path is relative to the current directory.</param>
    /// <param name="instanceName">This instance's name in its claims, the same after a restart and different for every process sharing the file.</param>
    /// <param name="timeProvider">The clock of the leases and of the collection times.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="instanceName"/> is empty or blank.</exception>
    public SqliteCollectorStateStore(string path, string instanceName, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Path = System.IO.Path.GetFullPath(path);
        InstanceName = instanceName;
        _time = timeProvider;
        _writer = new SqliteWriter(Path, BusyTimeout, SqliteCollectorSchema.Prepare);
    }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>The instance name this store's claims are recorded under.</summary>
    public string InstanceName { get; }

    /// <summary>
    /// Takes the instance name's lock, opens the file, creates or upgrades its tables, and releases the claims (on
    /// runs and on backfills) earlier lives of this instance name left.
    /// </summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the store is ready.</returns>
    /// <exception cref="InvalidOperationException">
    /// The store cannot be used, and the message names the file and why: it is not a SQLite database or is
    /// corrupt, its folder cannot be written, another process held its lock for <see cref="BusyTimeout"/>, a later
    /// version of this package wrote it, or another live process uses the same instance name.
    /// </exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            _instanceLock ??= InstanceLock.Take(Path, InstanceName);

            // Opening the file (the writer's first call) is what finds a corrupt file, an unwritable folder or a held lock.
            await _writer.RunAsync(
                connection =>
                {
                    var released = Parameters(("$owner", InstanceName));
                    SqliteCommands.Execute(
                        connection,
                        "UPDATE helodata_collector_runs SET owner = NULL, life = NULL, lease_until = NULL, unfinished = 1 WHERE owner = $owner AND life <> $life AND collected_at IS NULL",
                        released);
                    return SqliteCommands.Execute(
                        connection,
                        "UPDATE helodata_collector_gaps SET owner = NULL, life = NULL, lease_until = NULL WHERE owner = $owner AND life <> $life",
                        released);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new InvalidOperationException($"The collector state store {Path} cannot be used: {Reason(exception)}", exception);
        }
    }

    /// <summary>Closes the connection and lets go of the instance name's lock; the claims stay as they are (a later life of the instance releases them).</summary>
    /// <returns>A task that completes once both are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _instanceLock?.Dispose();
    }

    /// <summary>Closes the connection and lets go of the instance name's lock; the claims stay as they are (a later life of the instance releases them).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        _writer.RunAsync(connection => SqliteCommands.Execute(connection, sql, parameters), cancellationToken);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private long Until(TimeSpan lease) => Now() + (long)Math.Ceiling(lease.TotalMilliseconds);

    // Every statement's parameters: these, plus this store's life and the clock read once.
    private (string Name, object? Value)[] Parameters(params (string Name, object? Value)[] parameters) =>
        [.. parameters, ("$life", _life), ("$now", Now())];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Reason(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 26 } => "it is not a SQLite database (SQLITE_NOTADB).",
        SqliteException { SqliteErrorCode: 11 } => "the database file is corrupt (SQLITE_CORRUPT).",
        SqliteException { SqliteErrorCode: 5 or 6 } or TimeoutException => $"another process held its lock for {BusyTimeout.TotalSeconds:0} s.",
        SqliteException { SqliteErrorCode: 8 or 14 } sqlite => $"it cannot be opened for writing ({sqlite.Message}).",
        _ => exception.Message,
    };
}
