using Npgsql;

namespace HeloData.Reports.Tests.TestSupport;

/// <summary>The database every PostgreSQL test gets (tests/Shared/PostgreSql), on the server .ci/run starts.</summary>
[Category("PostgreSql")]
public sealed class PostgreSqlTestDatabaseTests
{
    [Test]
    public async Task Each_database_is_new_empty_and_usable()
    {
        await using var first = await PostgreSqlTestDatabase.CreateAsync();
        await using var second = await PostgreSqlTestDatabase.CreateAsync();

        await ExecuteAsync(first.ConnectionString, "CREATE TABLE runs (id text PRIMARY KEY); INSERT INTO runs VALUES ('run_1')");

        Assert.That(second.Name, Is.Not.EqualTo(first.Name));
        Assert.That(await ScalarAsync(first.ConnectionString, "SELECT current_database()"), Is.EqualTo(first.Name));
        Assert.That(await ScalarAsync(first.ConnectionString, "SELECT id FROM runs"), Is.EqualTo("run_1"));
        Assert.That(await ScalarAsync(second.ConnectionString, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"), Is.Zero);
    }

    [Test]
    public async Task Dispose_drops_the_database_even_while_sessions_are_connected()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync();
        // One session from a pool and one from outside any pool (as a collector process a test killed would leave).
        await using var pooled = new NpgsqlConnection(database.ConnectionString);
        await pooled.OpenAsync();
        await using var unpooled = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await unpooled.OpenAsync();

        await database.DisposeAsync();

        var server = Environment.GetEnvironmentVariable(PostgreSqlTestDatabase.EnvironmentVariable)!;
        Assert.That(await ScalarAsync(server, $"SELECT count(*) FROM pg_database WHERE datname = '{database.Name}'"), Is.Zero);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

/// <summary>
/// Without a server a PostgreSQL test is ignored (reported as not run), never passed. Not in the PostgreSql
/// category: it needs no server, and .ci/run counts that category's passed tests to prove a server was used.
/// </summary>
public sealed class PostgreSqlTestDatabaseWithoutServerTests
{
    [TestCase(null)]
    [TestCase("")]
    public async Task The_test_is_ignored_with_a_message_naming_the_variable(string? server)
    {
        var ignored = await Assert.ThrowsAsync<IgnoreException>(() => PostgreSqlTestDatabase.CreateAsync(server));

        Assert.That(ignored?.Message, Does.Contain(PostgreSqlTestDatabase.EnvironmentVariable));
    }
}
