using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector.Tests.State;

/// <summary>
/// The store contract against SQLite files (one per test, every store of a test on it), and what only this store
/// does: its start-up checks name the file and the reason, the instance lock, the schema's version.
/// </summary>
public sealed class SqliteCollectorStateStoreTests : CollectorStateStoreContract
{
    private string _folder = null!;

    private string DatabasePath => Path.Combine(_folder, "state", "collector.db");

    [Test]
    public async Task The_file_is_in_wal_mode_with_its_schema_version_recorded_once_however_many_stores_start_on_it()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => StartAsync($"instance-{i}"))));
        await StartAsync("later");

        await using var connection = Open(DatabasePath);
        Assert.That(Query(connection, "PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(Query(connection, "SELECT group_concat(version) FROM helodata_collector_schema"), Is.EqualTo("1,2"));
    }

    [Test]
    public async Task A_second_live_store_under_the_same_instance_name_fails_to_start_naming_the_file_and_the_name()
    {
        await StartAsync("collector-a");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("collector-a"));

        Assert.That(exception!.Message, Does.Contain(DatabasePath).And.Contain("collector-a").And.Contain(nameof(ReportsCollectorOptions.InstanceName)));
    }

    [Test]
    public async Task A_file_that_is_not_a_database_fails_the_start_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllBytesAsync(DatabasePath, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7))]);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("a"));

        Assert.That(exception!.Message, Does.Contain(DatabasePath).And.Contain("not a SQLite database"));
    }

    [Test]
    public async Task A_folder_that_cannot_be_created_fails_the_start_naming_the_file()
    {
        var blocker = Path.Combine(_folder, "state");
        await File.WriteAllTextAsync(blocker, "a file where the store's folder should be");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("a"));

        Assert.That(exception!.Message, Does.Contain(DatabasePath));
    }

    [Test]
    public async Task A_lock_another_program_holds_fails_the_start_after_the_busy_timeout_naming_the_file()
    {
        await StartAsync("a");
        await using var holder = Open(DatabasePath);
        Query(holder, "BEGIN EXCLUSIVE; UPDATE helodata_collector_runs SET attempts = attempts; SELECT 1");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("b"));

        Assert.That(exception!.Message, Does.Contain(DatabasePath).And.Contain("lock"));
    }

    [Test]
    public async Task A_file_a_later_version_wrote_fails_the_start_naming_it_and_both_versions()
    {
        await StartAsync("a");
        await using (var connection = Open(DatabasePath))
        {
            Query(connection, "INSERT INTO helodata_collector_schema (version, applied_at) VALUES (7, 0); SELECT 1");
        }

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("b"));

        Assert.That(exception!.Message, Does.Contain(DatabasePath).And.Contain("version 7").And.Contain("up to 2"));
    }

    [Test]
    public async Task A_file_version_1_wrote_is_upgraded_once_and_its_checkpoints_have_no_schedule()
    {
        // Version 1's file: what version 2 added taken away again, and a checkpoint written then.
        await StopAsync(await StartAsync("a"));
        await using (var connection = Open(DatabasePath))
        {
            Query(connection, """
                ALTER TABLE helodata_collector_checkpoints DROP COLUMN schedule;
                ALTER TABLE helodata_collector_checkpoints DROP COLUMN schedule_seen_at;
                DELETE FROM helodata_collector_schema WHERE version = 2;
                INSERT INTO helodata_collector_checkpoints (report_id, checkpoint) VALUES ('rep_1', 1780000000000);
                SELECT 1
                """);
        }

        var store = await StartAsync("a");
        await StartAsync("b");

        var checkpoint = await store.GetReportCheckpointAsync("rep_1", default);
        Assert.That((checkpoint!.At, checkpoint.Schedule, checkpoint.ScheduleSeenAt), Is.EqualTo((DateTimeOffset.FromUnixTimeMilliseconds(1780000000000), (string?)null, (DateTimeOffset?)null)));
        await using var check = Open(DatabasePath);
        Assert.That(Query(check, "SELECT group_concat(version) FROM helodata_collector_schema"), Is.EqualTo("1,2"));
    }

    /// <inheritdoc />
    protected override Task CreateDatabaseAsync()
    {
        _folder = Directory.CreateTempSubdirectory("helodata-collector-state-").FullName;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override ICollectorStateStore CreateStore(string instanceName, TimeProvider time) => new SqliteCollectorStateStore(DatabasePath, instanceName, time);

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
