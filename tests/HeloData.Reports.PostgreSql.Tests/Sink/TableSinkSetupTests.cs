using HeloData.Reports.Models;
using HeloData.Reports.PostgreSql.Sink;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// The sink's tables appear once however many sinks start at once, a table an older package made grows the
/// columns it lacks, and <c>LoadIntoPostgreSql</c> registers a handler named after the database with no secret in
/// the name, and creates the tables when the host starts.
/// </summary>
public sealed class TableSinkSetupTests : SinkTestBase
{
    [Test]
    public async Task Sinks_starting_at_once_create_each_table_and_index_once()
    {
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(ConnectionString)).ToArray();
        try
        {
            await Task.WhenAll(sources.Select(source => Task.Run(() => NewSink(dataSource: source).EnsureTablesAsync(CancellationToken.None))));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }

        var tables = await RowsAsync("SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", Schema);
        var indexes = await RowsAsync("SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname", Schema);
        Assert.That(tables.Select(t => t[0]), Is.EqualTo(new[] { "helodata_invoices", "helodata_isp_batches", "helodata_requests", "helodata_subusers", "helodata_traffic" }));
        Assert.That(indexes.Select(i => i[0]), Is.EqualTo(tables.Select(t => $"{t[0]}_report_window")));
        Assert.That(await SinkTables.EnsureAsync(DataSource, Schema, CancellationToken.None), Is.Zero, "a later start finds everything there");
    }

    [Test]
    public async Task A_table_missing_a_column_gets_it_and_keeps_its_rows()
    {
        await NewSink().EnsureTablesAsync(CancellationToken.None);
        await ExecuteAsync($"DROP INDEX {Schema}.helodata_traffic_report_window; ALTER TABLE {Table(ReportType.Traffic)} DROP COLUMN requests");
        await ExecuteAsync($"INSERT INTO {Table(ReportType.Traffic)} (report_id, run_id, window_from, window_to, row_number, bandwidth_bytes) VALUES ('rep_old', 'run_old', '2026-04-01', '2026-04-07', 1, 5)");

        Assert.That(await SinkTables.EnsureAsync(DataSource, Schema, CancellationToken.None), Is.EqualTo(2), "the column and the index");

        Assert.That(await ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'helodata_traffic' AND column_name = 'requests'", Schema), Is.EqualTo("bigint"));
        Assert.That(await ScalarAsync<long>($"SELECT bandwidth_bytes FROM {Table(ReportType.Traffic)} WHERE run_id = 'run_old'"), Is.EqualTo(5));
    }

    [Test]
    public async Task LoadIntoPostgreSql_names_the_handler_after_the_database_with_no_password_and_creates_the_tables_at_start()
    {
        var withPassword = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = "s3cret-pw" };
        var logs = new LogCapture();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = new RecordingBuilder(services);

        builder.LoadIntoPostgreSql(withPassword.ConnectionString, Schema);

        var (name, factory) = builder.Handlers.Single();
        Assert.That(name, Is.EqualTo($"postgresql:{withPassword.Host}:{withPassword.Port}/{withPassword.Database}/{Schema}"));
        await using var provider = services.BuildServiceProvider();
        var sink = factory(provider);
        Assert.That(sink, Is.SameAs(factory(provider)), "one sink per registration");
        Assert.That(sink.ToString(), Does.Not.Contain("s3cret-pw").And.Contain(withPassword.Database!));
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = $1", Schema), Is.EqualTo(5));
        var run = await CollectAsync(await NewReportAsync(ReportType.Traffic, ReportFormat.Csv), ReportType.Traffic, ReportFormat.Csv, May1To7);
        await sink.HandleAsync(run, CancellationToken.None);
        Assert.That(logs.AllText, Does.Contain(run.RunId).And.Contain("created"), "the tables' creation and the load are logged");
        Assert.That(logs.AllText, Does.Not.Contain("s3cret-pw"));
    }

    [Test]
    public void The_default_schema_is_public_and_a_bad_one_is_refused_by_name()
    {
        var builder = new RecordingBuilder(new ServiceCollection());

        builder.LoadIntoPostgreSql("Host=db.internal;Database=warehouse;Password=s3cret-pw");

        Assert.That(builder.Handlers.Single().Name, Is.EqualTo("postgresql:db.internal:5432/warehouse"));
        using (var provider = builder.Services.BuildServiceProvider())
        {
            Assert.That(builder.Handlers.Single().Factory(provider), Is.Not.Null, "made without reaching the database; disposed with the provider, synchronously too");
        }

        Assert.That(
            () => builder.LoadIntoPostgreSql("Host=db.internal;Database=warehouse", "Reports; DROP TABLE x"),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("schema").And.Message.Contains("lower-case"));
        Assert.That(
            () => builder.LoadIntoPostgreSql("Password=s3cret-pw;Database=warehouse"),
            Throws.ArgumentException.With.Message.Contains("no Host").And.Message.Not.Contains("s3cret-pw"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
