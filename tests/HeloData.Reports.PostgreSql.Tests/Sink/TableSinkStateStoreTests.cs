using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.PostgreSql.Sink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// With the PostgreSQL state store on the sink's database, the sink's handler-finished record is written in the
/// load's own transaction, only while this store's life holds the run's claim: a claim taken over by another
/// instance leaves neither rows nor record. On another database the collector records the finish itself.
/// </summary>
public sealed class TableSinkStateStoreTests : SinkTestBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Test]
    public async Task The_finish_is_recorded_with_the_rows_under_the_claim()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var store = await StoreAsync("instance-a", time);
        var run = await CollectAsync(await NewReportAsync(ReportType.Traffic, ReportFormat.Csv), ReportType.Traffic, ReportFormat.Csv, May1To7);
        Assert.That((await store.TryClaimAsync(Record(run), Lease, CancellationToken.None)).Status, Is.EqualTo(RunClaimStatus.Claimed));
        var (name, sink) = Registered(store);

        await sink.HandleAsync(run, CancellationToken.None);

        Assert.That(((PostgreSqlTableSink)sink).RecordsFinish, Is.True);
        Assert.That(await FinishedAsync(run.RunId), Is.EqualTo(new[] { name }));
        Assert.That((await RowsByRunAsync(ReportType.Traffic)).Keys, Is.EqualTo(new[] { run.RunId }));
    }

    [Test]
    public async Task A_claim_taken_over_by_another_instance_leaves_neither_rows_nor_record()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stale = await StoreAsync("instance-a", time);
        await using var other = await StoreAsync("instance-b", time);
        var run = await CollectAsync(await NewReportAsync(ReportType.Requests, ReportFormat.Parquet), ReportType.Requests, ReportFormat.Parquet, May1To7);
        await stale.TryClaimAsync(Record(run), Lease, CancellationToken.None);
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.That((await other.TryClaimAsync(Record(run), Lease, CancellationToken.None)).Status, Is.EqualTo(RunClaimStatus.Claimed));
        var (_, sink) = Registered(stale);

        var error = (await Assert.ThrowsAsync<PostgreSqlLoadException>(() => sink.HandleAsync(run, CancellationToken.None)))!;

        Assert.That(error.Message, Does.Contain(run.RunId).And.Contain("lost its claim"));
        Assert.That(await FinishedAsync(run.RunId), Is.Empty);
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM {Table(ReportType.Requests)}"), Is.Zero);
    }

    [Test]
    public async Task On_another_database_the_collector_records_the_finish_itself()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var store = await StoreAsync("instance-a", time);
        var services = new ServiceCollection().AddSingleton<ICollectorStateStore>(store);
        var builder = new RecordingBuilder(services);
        var elsewhere = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "warehouse_elsewhere" };

        builder.LoadIntoPostgreSql(elsewhere.ConnectionString, Schema);

        await using var provider = services.BuildServiceProvider();
        Assert.That(((PostgreSqlTableSink)builder.Handlers.Single().Factory(provider)).RecordsFinish, Is.False);
    }

    private static RunRecord Record(CollectedRun run) => new() { RunId = run.RunId, ReportId = run.ReportId, From = run.Window.From!.Value, To = run.Window.To!.Value };

    private async Task<PostgreSqlCollectorStateStore> StoreAsync(string instance, TimeProvider time)
    {
        var store = new PostgreSqlCollectorStateStore(NpgsqlDataSource.Create(ConnectionString), ownsDataSource: true, instance, time, Schema + "_state", logger: null);
        await store.StartAsync(CancellationToken.None);
        return store;
    }

    private (string Name, IRunHandler Sink) Registered(PostgreSqlCollectorStateStore store)
    {
        var services = new ServiceCollection().AddSingleton<ICollectorStateStore>(store);
        var builder = new RecordingBuilder(services);
        builder.LoadIntoPostgreSql(ConnectionString, Schema);
        var (name, factory) = builder.Handlers.Single();
        return (name, factory(services.BuildServiceProvider()));
    }

    private async Task<IEnumerable<object?>> FinishedAsync(string runId) =>
        (await RowsAsync($"SELECT handler_name FROM {Schema}_state.handler_finished WHERE run_id = $1", runId)).Select(row => row[0]);
}
