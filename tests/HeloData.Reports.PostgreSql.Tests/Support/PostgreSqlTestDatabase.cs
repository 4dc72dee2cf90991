using Npgsql;

namespace HeloData.Reports.TestSupport;

/// <summary>
/// A fresh database on the server <see cref="EnvironmentVariable"/> names, dropped on dispose; without the variable
/// the calling test is ignored (not run, never passed). A stand-in for tests/Shared/PostgreSql's (see the csproj).
/// </summary>
internal sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "HELODATA_TEST_POSTGRES";

    private readonly string server;

    private PostgreSqlTestDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgreSqlTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore($"needs PostgreSQL: set {EnvironmentVariable} to an Npgsql connection string");
        }

        var database = new PostgreSqlTestDatabase(server, "helodata_test_" + Guid.NewGuid().ToString("N"));
        await database.OnServerAsync($"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task OnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
