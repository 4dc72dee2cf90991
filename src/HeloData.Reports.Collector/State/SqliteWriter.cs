using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>
/// The one writer of a SQLite store in this process: one connection, fed by a queue. Calls from one process
/// never contend inside SQLite (whose busy retry in Microsoft.Data.Sqlite sleeps 150 ms a turn); they wait in
/// memory instead, and the calls that queued up while a transaction was being synced are run together in the
/// next one, so a burst costs one sync to disk, not one per call. Each call is a savepoint of its own: one that
/// fails is undone alone, and none is answered before its transaction is durable. (The webhook receiver's
/// store was its model; the receiver moves onto the collector's store.)
/// </summary>
internal sealed partial class SqliteWriter : IAsyncDisposable
{
    // Enough to amortise a sync over a burst; small enough that one transaction stays short.
    private const int MaxBatch = 64;

    private readonly string _path;
    private readonly TimeSpan _busyTimeout;
    private readonly Action<SqliteConnection> _prepare;
    private readonly Channel<IWork> _queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;
    private SqliteConnection? _connection;

    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long a call waits for another process holding the file's lock.</param>
    /// <param name="prepare">Creates or upgrades the schema, in a transaction of its own, when the connection is opened.</param>
    public SqliteWriter(string path, TimeSpan busyTimeout, Action<SqliteConnection> prepare)
    {
        _path = path;
        _busyTimeout = busyTimeout;
        _prepare = prepare;
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the writer's next transaction (the connection is opened, and the schema
    /// prepared, on first use) and returns its result once that transaction is committed.
    /// </summary>
    /// <exception cref="TimeoutException">The call waited longer than the busy timeout: another process held the file's lock.</exception>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        var queued = new Work<T>(work);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteCollectorStateStore));
        }

        try
        {
            // Waiting here is waiting for other processes: a transaction of this one takes milliseconds.
            return await queued.Result.WaitAsync(_busyTimeout * 2, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            queued.Abandon();
            if (exception is TimeoutException)
            {
                throw new TimeoutException($"The collector state store {_path} stayed busy for {(_busyTimeout * 2).TotalSeconds:0.#} s.", exception);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<IWork>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work))
            {
                if (!work.Abandoned)
                {
                    batch.Add(work);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
                batch.Clear();
            }
        }
    }

    private void Commit(List<IWork> batch)
    {
        try
        {
            var connection = _connection ??= Open();
            SqliteCommands.Execute(connection, "BEGIN IMMEDIATE");
            try
            {
                foreach (var work in batch)
                {
                    SqliteCommands.Execute(connection, "SAVEPOINT call");
                    try
                    {
                        work.Run(connection);
                        SqliteCommands.Execute(connection, "RELEASE call");
                    }
                    catch (Exception exception) when (exception is SqliteException or InvalidOperationException or ArgumentException)
                    {
                        SqliteCommands.Execute(connection, "ROLLBACK TO call; RELEASE call");
                        work.Fail(exception);
                    }
                }

                SqliteCommands.Execute(connection, "COMMIT");
            }
            catch
            {
                Rollback(connection);
                throw;
            }

            foreach (var work in batch)
            {
                work.Succeed();
            }
        }
        catch (Exception exception)
        {
            // Opening, beginning (another process held the lock past the busy timeout) or committing failed: nothing was written.
            foreach (var work in batch)
            {
                work.Fail(exception);
            }
        }
    }

    private static void Rollback(SqliteConnection connection)
    {
        try
        {
            SqliteCommands.Execute(connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
            // No transaction left to roll back (SQLite ended it on the error).
        }
    }

    private SqliteConnection Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,

            // Microsoft.Data.Sqlite's own retry on SQLITE_BUSY, in 150 ms sleeps; SQLite's busy handler (below)
            // waits in much finer steps first, so this only bounds the total.
            DefaultTimeout = (int)Math.Ceiling(_busyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();

            // WAL: readers never wait for the writer. FULL: a commit is synced before it is answered.
            SqliteCommands.Execute(connection, $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");

            // Under the write lock, so processes starting at once upgrade the schema one after the other.
            SqliteCommands.Execute(connection, "BEGIN IMMEDIATE");
            try
            {
                _prepare(connection);
                SqliteCommands.Execute(connection, "COMMIT");
            }
            catch
            {
                Rollback(connection);
                throw;
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
