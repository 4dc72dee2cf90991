using HeloData.Reports.Collector;
using HeloData.Reports.Collector.Tests.State;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.State;

/// <summary>The contract every state store keeps (the collector's tests), against PostgreSQL: a database per test, a data source per store, as instances in processes of their own.</summary>
[Category("PostgreSql")]
public sealed class PostgreSqlCollectorStateStoreContractTests : CollectorStateStoreContract
{
    private PostgreSqlTestDatabase? _database;

    protected override async Task CreateDatabaseAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override ICollectorStateStore CreateStore(string instanceName, TimeProvider time) =>
        new PostgreSqlCollectorStateStore(NpgsqlDataSource.Create(_database!.ConnectionString), ownsDataSource: true, instanceName, time, PostgreSqlCollectorStateStore.DefaultSchema, logger: null);
}
