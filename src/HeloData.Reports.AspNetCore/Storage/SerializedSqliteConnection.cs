using Microsoft.Data.Sqlite;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// One SQLite connection for the whole process, used by one caller at a time: claims from one process
/// queue here, in memory, instead of contending for SQLite's file lock (whose busy retry sleeps 150 ms a
/// turn in Microsoft.Data.Sqlite). Only other processes sharing the file ever make it wait on SQLite.
/// </summary>
internal sealed class SerializedSqliteConnection(string path, TimeSpan busyTimeout, string schema) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <summary>Runs <paramref name="work"/> on the connection, opening it (and creating the schema) on first use; waits its turn at most the busy timeout.</summary>
    /// <exception cref="TimeoutException">The connection stayed busy (another process held the file's lock) for the whole busy timeout.</exception>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        if (!await _turn.WaitAsync(busyTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The delivery store {path} stayed busy for {busyTimeout.TotalSeconds:0.#} s.");
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(_connection ??= Open());
        }
        finally
        {
            _turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private SqliteConnection Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,

            // Microsoft.Data.Sqlite's own retry on SQLITE_BUSY, in 150 ms sleeps; SQLite's busy handler below
            // waits in much finer steps first, so this only bounds the total.
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; {schema}";
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
