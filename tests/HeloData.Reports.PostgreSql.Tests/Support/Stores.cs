using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.Support;

/// <summary>Stores as the tests make them: each with a data source of its own, as an instance in a process of its own.</summary>
internal static class Stores
{
    public static PostgreSqlCollectorStateStore Create(string connectionString, string instanceName, TimeProvider? time = null, string schema = PostgreSqlCollectorStateStore.DefaultSchema) =>
        new(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, instanceName, time ?? TimeProvider.System, schema, logger: null);

    public static async Task<PostgreSqlCollectorStateStore> StartAsync(string connectionString, string instanceName, TimeProvider? time = null, string schema = PostgreSqlCollectorStateStore.DefaultSchema)
    {
        var store = Create(connectionString, instanceName, time, schema);
        await store.StartAsync(default);
        return store;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
