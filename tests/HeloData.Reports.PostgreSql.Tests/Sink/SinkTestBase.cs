using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.PostgreSql.Sink;
using HeloData.Reports.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.Sink;

/// <summary>
/// What the table sink's tests share: one database and one sandbox per fixture, a fresh schema per test (so each
/// starts with no table), runs collected from the sandbox into files of their own, and hand-made artifacts.
/// </summary>
[Category("PostgreSql")]
public abstract class SinkTestBase
{
    protected static readonly RunWindow May1To7 = new() { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) };

    private PostgreSqlTestDatabase? _database;
    private ReportsSandbox? _sandbox;
    private ReportsClient? _client;
    private string _files = null!;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    protected string ConnectionString => _database!.ConnectionString;

    /// <summary>This test's schema, empty when it starts.</summary>
    protected string Schema { get; private set; } = null!;

    protected ReportsClient Client => _client!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _client = _sandbox.CreateClient();
        _files = Directory.CreateTempSubdirectory("helodata-sink-tests-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        _sandbox?.Dispose();
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_files is not null)
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    [SetUp]
    public void NewSchema() => Schema = "t_" + Guid.NewGuid().ToString("N")[..12];

    internal PostgreSqlTableSink NewSink(TransactionalFinish? finish = null, ILogger? logger = null, NpgsqlDataSource? dataSource = null) =>
        new(dataSource ?? DataSource, ownsDataSource: false, Schema, finish, logger);

    /// <summary>The schema-qualified table of a report type.</summary>
    protected string Table(ReportType type) => $"{Schema}.helodata_{type}";

    protected async Task<string> NewReportAsync(ReportType type, ReportFormat format)
    {
        var report = await Client.CreateReportAsync(new NewReport($"sink-{type}-{format}", type, format));
        return report.Id;
    }

    /// <summary>Runs the report for the window in the sandbox and collects the run's artifact into a file, as the collector does.</summary>
    internal async Task<CollectedRun> CollectAsync(string reportId, ReportType type, ReportFormat format, RunWindow window)
    {
        var run = await Client.RunReportAndWaitAsync(reportId, window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        var path = Path.Combine(_files, run.RunId);
        await using (var file = File.Create(path))
        {
            await Client.DownloadAsync(run, file);
        }

        return RunOf(path, run.RunId, reportId, type, format, window);
    }

    /// <summary>A run whose content is the given bytes: a hand-made or hostile artifact.</summary>
    internal CollectedRun RunOf(byte[] content, string runId, string reportId, ReportType type, ReportFormat format, RunWindow window)
    {
        var path = Path.Combine(_files, runId + "-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return RunOf(path, runId, reportId, type, format, window);
    }

    protected async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    protected async Task<List<object?[]>> RowsAsync(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Each run's row count in a table, by run id.</summary>
    protected async Task<Dictionary<string, long>> RowsByRunAsync(ReportType type) =>
        (await RowsAsync($"SELECT run_id, count(*) FROM {Table(type)} GROUP BY run_id")).ToDictionary(row => (string)row[0]!, row => (long)row[1]!);

    private static CollectedRun RunOf(string path, string runId, string reportId, ReportType type, ReportFormat format, RunWindow window) =>
        new(new RunRecord(runId, reportId, window.From!.Value, window.To!.Value), type, format, completedAt: null, path, new FileInfo(path).Length, RunOrigin.Poll, attempt: 1, mayHaveBeenHandled: false);
}
