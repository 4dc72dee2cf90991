using HeloData.Reports.Collector;
using HeloData.Reports.PostgreSql.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.State;

/// <summary>The table sink's handler record, written in the sink's own transaction: with its rows, or not at all.</summary>
[Category("PostgreSql")]
public sealed class SinkTransactionTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly RunRecord Run = new() { RunId = "run_1", ReportId = "rep_1", From = new(2026, 5, 1), To = new(2026, 5, 1) };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private PostgreSqlTestDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlTestDatabase.CreateAsync();

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task The_record_commits_with_the_sinks_transaction_and_rolls_back_with_it()
    {
        await using var a = await Stores.StartAsync(_database.ConnectionString, "a", _time);
        await a.TryClaimAsync(Run, Lease, default);

        Assert.That(await RecordInTransactionAsync(a, "rolled_back", commit: false), Is.True);
        Assert.That(await RecordInTransactionAsync(a, "committed", commit: true), Is.True);
        await a.ReleaseAsync(Run.RunId, default);

        var next = await a.TryClaimAsync(Run, Lease, default);
        Assert.That(next.FinishedHandlers, Is.EquivalentTo(new[] { "committed" }));
    }

    [Test]
    public async Task A_claim_taken_over_records_nothing_and_says_so()
    {
        await using var a = await Stores.StartAsync(_database.ConnectionString, "a", _time);
        await using var b = await Stores.StartAsync(_database.ConnectionString, "b", _time);
        await a.TryClaimAsync(Run, Lease, default);
        _time.Advance(Lease * 2);
        await b.TryClaimAsync(Run, Lease, default);

        Assert.That(await RecordInTransactionAsync(a, "late", commit: true), Is.False);
        Assert.That(await Stores.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM helodata_collector.handler_finished"), Is.Zero);
    }

    [Test]
    public async Task A_takeover_waits_for_the_sinks_open_transaction_and_then_sees_its_record()
    {
        await using var a = await Stores.StartAsync(_database.ConnectionString, "a", _time);
        await using var b = await Stores.StartAsync(_database.ConnectionString, "b", _time);
        await a.TryClaimAsync(Run, Lease, default);
        _time.Advance(Lease * 2);
        await using var connection = await a.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Assert.That(await a.RecordHandlerFinishedAsync(connection, transaction, Run.RunId, "table", default), Is.True);

        // The lease lapsed, but the sink's lock on the run holds the takeover until the sink's transaction ends.
        var takeover = b.TryClaimAsync(Run, Lease, default);
        await WaitUntilBlockedAsync(takeover);
        await transaction.CommitAsync();
        var taken = await takeover;

        Assert.That((taken.Status, taken.Attempt, taken.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 2, true)));
        Assert.That(taken.FinishedHandlers, Is.EquivalentTo(new[] { "table" }), "the record committed while the takeover waited is seen");
    }

    private static async Task<bool> RecordInTransactionAsync(PostgreSqlCollectorStateStore store, string handler, bool commit)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var recorded = await store.RecordHandlerFinishedAsync(connection, transaction, Run.RunId, handler, default);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return recorded;
    }

    // Polls pg_stat_activity (no fixed delay) until the takeover's statement is blocked on the run's row lock.
    private async Task WaitUntilBlockedAsync(Task<RunClaim> takeover)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            if (takeover.IsCompleted)
            {
                Assert.Fail($"The takeover did not wait for the sink's transaction: {await takeover}");
            }

            await Task.Delay(10);
        }
    }
}
