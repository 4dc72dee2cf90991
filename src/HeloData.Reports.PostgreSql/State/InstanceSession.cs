using HeloData.Reports.Collector;
using Npgsql;

namespace HeloData.Reports.PostgreSql;

/// <summary>
/// The proof that a store's instance name is live in one process only: a session-level advisory lock on (schema,
/// instance name), held on a connection of its own for the store's whole life. PostgreSQL drops the lock with the
/// session, so a lock that can be taken means every earlier life of the name is dead (its claims may be released),
/// and one that cannot means a live store of that name runs elsewhere.
/// </summary>
internal sealed class InstanceSession : IAsyncDisposable, IDisposable
{
    private const string LockSql = "SELECT pg_try_advisory_lock(hashtextextended($1, 0))";
    private const string UnlockSql = "SELECT pg_advisory_unlock(hashtextextended($1, 0))";

    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    // One command at a time on the connection: renewals of several runs check it at once.
    private readonly SemaphoreSlim _gate = new(1, 1);

    private InstanceSession(NpgsqlConnection connection, string key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Takes the lock of <paramref name="instanceName"/> in <paramref name="schema"/>, on a new connection kept open.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The store's schema: the same name in two schemas is two instances.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <param name="endpoint">The database, for the message.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The held session.</returns>
    /// <exception cref="InvalidOperationException">A live session holds the lock: the message names the instance name and what to do.</exception>
    public static async Task<InstanceSession> AcquireAsync(NpgsqlDataSource dataSource, string schema, string instanceName, PostgreSqlEndpoint endpoint, CancellationToken cancellationToken)
    {
        var key = $"HeloData.Reports.PostgreSql instance {schema}/{instanceName}";
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ScalarAsync(connection, LockSql, key, cancellationToken).ConfigureAwait(false))
            {
                return new InstanceSession(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException(
            $"Another live process with the instance name '{instanceName}' is using the collector's PostgreSQL state store on {endpoint} (schema {schema}). "
            + $"Give each instance that shares a store its own {nameof(ReportsCollectorOptions)}.{nameof(ReportsCollectorOptions.InstanceName)} (or instanceName, for a store built in code). "
            + "If that process is gone, the server has not yet noticed its connection is dead (see pg_stat_activity).");
    }

    /// <summary>Whether the lock's session is still alive (one round trip on its connection): when it is not, the lock is gone.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="false"/> once the connection is lost; it stays lost.</returns>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                return false;
            }

            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Unlocks and closes the connection (a pooled connection would keep a session lock until its next use otherwise).</summary>
    /// <returns>A task that completes once the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await ScalarAsync(_connection, UnlockSql, _key, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its lock with it.
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>Unlocks and closes the connection.</summary>
    public void Dispose()
    {
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                using var command = new NpgsqlCommand(UnlockSql, _connection) { Parameters = { new() { Value = _key } } };
                command.ExecuteScalar();
            }
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its lock with it.
        }

        _connection.Dispose();
        _gate.Dispose();
    }

    private static async Task<bool> ScalarAsync(NpgsqlConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = key } } };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
