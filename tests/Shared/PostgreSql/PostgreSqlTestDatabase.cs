using Npgsql;

namespace HeloData.Reports.TestSupport;

/// <summary>
/// A fresh, empty database of its own on the PostgreSQL server <see cref="EnvironmentVariable"/> names, for
/// one test (create it in <c>[SetUp]</c>) or one fixture (in <c>[OneTimeSetUp]</c>), dropped on dispose even
/// while connections to it are still open. Without the variable the calling test is ignored, so it shows
/// as not run, never as passed; <c>.ci/run</c> starts a throwaway server and sets the variable.
/// </summary>
internal sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    /// <summary>The variable holding an Npgsql connection string of the server (its database is only used to create and drop others).</summary>
    public const string EnvironmentVariable = "HELODATA_TEST_POSTGRES";

    private readonly string serverConnectionString;

    private PostgreSqlTestDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name, unique to this instance.</summary>
    public string Name { get; }

    /// <summary>The server's connection string with <see cref="Name"/> as its database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a database on the server the environment variable names, or ignores the calling test without it.</summary>
    public static Task<PostgreSqlTestDatabase> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(Environment.GetEnvironmentVariable(EnvironmentVariable), cancellationToken);

    /// <summary>Creates a database on <paramref name="serverConnectionString"/>; a test passes the variable's value.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateAsync(string? serverConnectionString, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            Assert.Ignore($"needs PostgreSQL: set {EnvironmentVariable} to an Npgsql connection string (.ci/run starts a server and sets it)");
        }

        var database = new PostgreSqlTestDatabase(serverConnectionString, "helodata_test_" + Guid.NewGuid().ToString("N"));
        await database.OnServerAsync($"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        return database;
    }

    /// <summary>Drops the database; FORCE ends the sessions still connected to it (a pool, a killed test's child process).</summary>
    public async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await OnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task OnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
