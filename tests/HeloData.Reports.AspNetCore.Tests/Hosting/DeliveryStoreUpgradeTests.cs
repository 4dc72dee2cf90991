using System.Collections.Concurrent;
using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>
/// A receiver upgraded onto a file its earlier version (SqliteReportDeliveryStore, removed in issue 20) wrote: the runs
/// that version handled are not handled again, the ones it never finished are, and say they may have been handled.
/// </summary>
public sealed class DeliveryStoreUpgradeTests
{
    // The table exactly as SqliteReportDeliveryStore created it (git show 06bf8b9^:src/HeloData.Reports.AspNetCore/Storage/SqliteReportDeliveryStore.cs).
    private const string OldSchema = """
        CREATE TABLE IF NOT EXISTS helodata_deliveries (
            run_id      TEXT    NOT NULL PRIMARY KEY,
            owner       TEXT    NULL,
            life        TEXT    NULL,
            lease_until INTEGER NULL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            unfinished  INTEGER NOT NULL DEFAULT 0,
            handled_at  INTEGER NULL
        );
        """;

    private string _folder = null!;

    private string Database => Path.Combine(_folder, "helodata-deliveries.db");

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-store-upgrade-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Runs_the_earlier_receiver_handled_are_not_handled_again_and_the_ones_it_did_not_finish_are()
    {
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        WriteOldStore(
            // As the old store left them: handled (claim cleared, handled_at set); a claim that lapsed or was released
            // by a restart (unfinished); a claim its process still held when it was stopped for the upgrade; a release
            // after the handler threw.
            $"INSERT INTO helodata_deliveries (run_id, attempts, handled_at) VALUES ('run_old_handled', 1, {hourAgo})",
            "INSERT INTO helodata_deliveries (run_id, attempts, unfinished) VALUES ('run_old_unfinished', 1, 1)",
            $"INSERT INTO helodata_deliveries (run_id, owner, life, lease_until, attempts) VALUES ('run_old_leased', 'receiver-a', 'old-life', {hourAgo + 7_200_000}, 1)",
            "INSERT INTO helodata_deliveries (run_id, attempts) VALUES ('run_old_threw', 1)");
        var calls = new ConcurrentQueue<(string RunId, int Attempt, bool MayHaveBeenHandled)>();
        Task Handler(ReportDelivery delivery, CancellationToken cancellationToken)
        {
            calls.Enqueue((delivery.RunId, delivery.Attempt, delivery.MayHaveBeenHandled));
            return Task.CompletedTask;
        }

        await using (var receiver = await Receiver.StartAsync(Handler, o => { o.StorePath = Database; o.InstanceName = "receiver-a"; }))
        {
            foreach (var run in new[] { "run_old_handled", "run_old_unfinished", "run_old_leased", "run_old_threw" })
            {
                using var response = await Deliveries.SendAsync(receiver.Address, run, Deliveries.Csv());
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), run);
            }

            Assert.That(receiver.Logs.Count(line => line.Contains("Imported 1 handled run(s) and 3 not handled", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", receiver.Logs));
        }

        Assert.That(calls, Is.EqualTo(new[] { ("run_old_unfinished", 2, true), ("run_old_leased", 2, true), ("run_old_threw", 2, false) }), "the handled run not again; the others with the old attempts counted");

        // The next start imports nothing again (the old rows would otherwise add their attempts once more), and the old table is kept whole.
        await using (var again = await Receiver.StartAsync(Handler, o => { o.StorePath = Database; o.InstanceName = "receiver-a"; }))
        {
            using var response = await Deliveries.SendAsync(again.Address, "run_old_unfinished", Deliveries.Csv());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.Logs.Where(line => line.Contains("Imported", StringComparison.Ordinal)), Is.Empty);
        }

        Assert.That(calls, Has.Count.EqualTo(3));
        Assert.That(Query("SELECT count(*) FROM helodata_deliveries"), Is.EqualTo(4L), "the old table is kept as it was");
        Assert.That(Query("SELECT attempts FROM helodata_collector_runs WHERE run_id = 'run_old_unfinished'"), Is.EqualTo(2L));
    }

    [Test]
    public async Task A_file_without_the_old_table_gets_no_import_and_no_marker()
    {
        await using (var receiver = await Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.StorePath = Database))
        {
            Assert.That(receiver.Logs.Where(line => line.Contains("Imported", StringComparison.Ordinal)), Is.Empty);
        }

        Assert.That(Query("SELECT count(*) FROM sqlite_master WHERE name IN ('helodata_deliveries', 'helodata_webhook_imports')"), Is.Zero);
    }

    [Test]
    public async Task With_another_store_registered_the_earlier_receivers_file_is_not_imported_and_a_warning_says_so()
    {
        WriteOldStore(
            $"INSERT INTO helodata_deliveries (run_id, attempts, handled_at) VALUES ('run_old_handled', 1, {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()})",
            "INSERT INTO helodata_deliveries (run_id, attempts, unfinished) VALUES ('run_old_unfinished', 1, 1)");

        await using var receiver = await Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.StorePath = Database, store: Stores.InMemory());

        Assert.That(
            receiver.Logs.Where(line => line.StartsWith("Warning:", StringComparison.Ordinal) && line.Contains(Database, StringComparison.Ordinal)),
            Has.One.Contains("holds 1 run(s) an earlier receiver handled").And.Contains("not imported"));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { Database }), "no -wal or -shm left beside it (a read-only connection to a WAL file leaves both)");
        Assert.That(Query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'helodata_collector%' OR name = 'helodata_webhook_imports'"), Is.Zero, "the file is only read");
    }

    private void WriteOldStore(params string[] rows)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + OldSchema + string.Join(";\n", rows); // WAL, as the old store kept it
        command.ExecuteNonQuery();
    }

    private object? Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
