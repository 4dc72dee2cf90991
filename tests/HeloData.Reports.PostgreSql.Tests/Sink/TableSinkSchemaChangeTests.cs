using HeloData.Reports.Models;
using HeloData.Reports.PostgreSql.Sink;
using HeloData.Reports.Tests.Support;
using NpgsqlTypes;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// A table an older package made grows its missing column while another instance is loading into it: the change
/// waits for the load, but never stalls the table's other sessions behind it for as long as the load lasts.
/// </summary>
public sealed class TableSinkSchemaChangeTests : SinkTestBase
{
    // Hang guards only: each wait below ends at once with the change (or never, without it).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task An_alter_behind_a_running_copy_does_not_queue_the_tables_readers_and_writers_behind_it()
    {
        await NewSink().EnsureTablesAsync(CancellationToken.None);
        var traffic = Table(ReportType.Traffic);
        await ExecuteAsync($"ALTER TABLE {traffic} DROP COLUMN requests");

        // Another instance's load, mid-COPY: its transaction holds the table until it commits.
        await using var loader = await DataSource.OpenConnectionAsync();
        await using var load = await loader.BeginTransactionAsync();
        var copy = await loader.BeginBinaryImportAsync($"COPY {traffic} (report_id, run_id, window_from, window_to, row_number) FROM STDIN (FORMAT BINARY)");
        await copy.StartRowAsync();
        await copy.WriteAsync("rep_loading", NpgsqlDbType.Text);
        await copy.WriteAsync("run_loading", NpgsqlDbType.Text);
        await copy.WriteAsync(new DateOnly(2026, 5, 1), NpgsqlDbType.Date);
        await copy.WriteAsync(new DateOnly(2026, 5, 7), NpgsqlDbType.Date);
        await copy.WriteAsync(1L, NpgsqlDbType.Bigint);

        var logs = new LogCapture();
        var patience = new TableLockPatience(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));
        var change = SinkTables.EnsureAsync(DataSource, Schema, CancellationToken.None, patience, logs.CreateLogger("sink"));

        // Once the ALTER is queued for the table, a reader and a writer arriving after it still get through.
        await WaitForQueuedAlterAsync(traffic).WaitAsync(Patience);
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM {traffic}").WaitAsync(Patience), Is.Zero, "the reader saw the table while the load was still running");
        await using (var command = DataSource.CreateCommand($"INSERT INTO {traffic} (report_id, run_id, window_from, window_to, row_number) VALUES ('rep_other', 'run_other', '2026-05-01', '2026-05-07', 1)"))
        {
            await command.ExecuteNonQueryAsync().WaitAsync(Patience);
        }

        Assert.That(change.IsCompleted, Is.False, "the column cannot be added while the load holds the table");

        await copy.CompleteAsync();
        await copy.DisposeAsync();
        await load.CommitAsync();

        Assert.That(await change.WaitAsync(Patience), Is.EqualTo(1), "the column, once the load committed");
        Assert.That(logs.AllText, Does.Contain("tried again"), "the waits are logged");
        Assert.That(await ScalarAsync<long>($"SELECT count(requests) + count(*) FROM {traffic}"), Is.EqualTo(2), "both rows kept, the new column empty in them");
    }

    // Polls pg_locks until a session waits for the table's ACCESS EXCLUSIVE lock: the ALTER is in the queue.
    private async Task WaitForQueuedAlterAsync(string table)
    {
        while (await ScalarAsync<long>($"SELECT count(*) FROM pg_locks WHERE relation = '{table}'::regclass AND mode = 'AccessExclusiveLock' AND NOT granted") == 0)
        {
            await Task.Delay(5);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
