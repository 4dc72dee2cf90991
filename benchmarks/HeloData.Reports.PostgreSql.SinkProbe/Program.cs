using System.Diagnostics;
using System.Globalization;
using HeloData.Reports;
using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using HeloData.Reports.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

// Rows per second the PostgreSQL table sink loads from a traffic run (1M rows by default), against the physical
// anchor on the same machine and server (psql's \copy of the same csv into a table of the same shape and index) and
// a plain parameterised INSERT loop (one round trip per row, one transaction; on a slice of the rows). Each load
// starts from an empty table. On the server HELODATA_TEST_POSTGRES names (a database of its own, dropped at the end).
//   dotnet run -c Release --project benchmarks/HeloData.Reports.PostgreSql.SinkProbe -- [rows] [repeats] [insertRows]
var server = Environment.GetEnvironmentVariable("HELODATA_TEST_POSTGRES");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("Set HELODATA_TEST_POSTGRES to an Npgsql connection string of a PostgreSQL server (its database is used to create and drop another).");
    return 2;
}

var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var insertRows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
var folder = Directory.CreateTempSubdirectory("helodata-sink-probe-");
var database = "helodata_sink_probe_" + Guid.NewGuid().ToString("N");
await OnServerAsync(server, $"CREATE DATABASE \"{database}\"");
try
{
    var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
    var run = await DownloadAsync(folder.FullName, rows);
    Console.WriteLine($"artifact: {rows:N0} traffic rows, {run.Length / 1e6:F1} MB of csv");

    var services = new ServiceCollection();
    var builder = new ProbeBuilder(services);
    builder.LoadIntoPostgreSql(connectionString);
    await using var provider = services.BuildServiceProvider();
    var sink = builder.Handler(provider);
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await LoadAsync(sink, run); // creates the tables; warms up the JIT and the server's caches
    await ExecuteAsync(dataSource, "CREATE TABLE anchor_traffic (LIKE helodata_traffic INCLUDING ALL); " +
        "ALTER TABLE anchor_traffic ALTER report_id SET DEFAULT 'rep_probe', ALTER run_id SET DEFAULT 'run_probe', ALTER window_from SET DEFAULT '2026-05-01', " +
        "ALTER window_to SET DEFAULT '2026-05-07', ALTER row_number SET DEFAULT 0");

    var sinkTimes = new List<double>();
    var sinkCpu = new List<double>();
    var copyTimes = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        // Both start from an empty table with nothing dirty; which goes first alternates.
        await ExecuteAsync(dataSource, "TRUNCATE helodata_traffic, anchor_traffic; CHECKPOINT");
        var before = Process.GetCurrentProcess().WorkingSet64;
        for (var turn = 0; turn < 2; turn++)
        {
            if ((turn + i) % 2 == 0)
            {
                copyTimes.Add(await TimeAsync(() => PsqlCopyAsync(connectionString, run.Path)));
            }
            else
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sinkTimes.Add(await TimeAsync(() => LoadAsync(sink, run)));
                sinkCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }

            await ExecuteAsync(dataSource, "CHECKPOINT");
        }

        Console.WriteLine($"  pass {i + 1}: \\copy {copyTimes[^1]:F2} s, sink {sinkTimes[^1]:F2} s (this process's CPU {sinkCpu[^1]:F2} s); working set {before / 1e6:F0} -> {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB");
    }

    Assert(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM helodata_traffic") == rows, "the sink loaded every row");
    Assert(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM anchor_traffic") == rows, "\\copy loaded every row");
    Assert(
        await ScalarAsync<decimal>(dataSource, "SELECT sum(bandwidth_bytes) FROM helodata_traffic") == await ScalarAsync<decimal>(dataSource, "SELECT sum(bandwidth_bytes) FROM anchor_traffic"),
        "the same sums");

    await ExecuteAsync(dataSource, "TRUNCATE helodata_traffic; CHECKPOINT");
    var insertTime = await TimeAsync(() => InsertLoopAsync(dataSource, run, insertRows));
    var parseTime = await TimeAsync(() => ParseOnlyAsync(run));

    var sinkRate = rows / Median(sinkTimes);
    var copyRate = rows / Median(copyTimes);
    Console.WriteLine($"\\copy (csv, psql):            {copyRate,10:N0} rows/s (median of {repeats}: {Median(copyTimes):F2} s)");
    Console.WriteLine($"sink (typed rows, binary COPY): {sinkRate,10:N0} rows/s (median of {repeats}: {Median(sinkTimes):F2} s) = {sinkRate / copyRate:F2}x \\copy");
    Console.WriteLine($"INSERT loop ({insertRows:N0} rows):     {insertRows / insertTime,10:N0} rows/s = {insertRows / insertTime / copyRate:F3}x \\copy");
    Console.WriteLine($"the sink's own CPU (read, encode, send): {Median(sinkCpu):F2} s per load, {Median(sinkCpu) / Median(sinkTimes):P0} of its wall time; the rest is the server");
    Console.WriteLine($"reading the rows alone:         {rows / parseTime,10:N0} rows/s ({parseTime:F2} s)");
    Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores; PostgreSQL {await ScalarAsync<string>(dataSource, "SHOW server_version")}");
    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    folder.Delete(recursive: true);
}

static async Task<(string Path, long Length, CollectedRun Run)> DownloadAsync(string folder, long rows)
{
    using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant, ArtifactRowCount = rows });
    using var client = sandbox.CreateClient();
    var report = await client.CreateReportAsync(new NewReport("sink-probe", ReportType.Traffic, ReportFormat.Csv));
    var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) };
    var run = await client.RunReportAndWaitAsync(report.Id, window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
    var path = Path.Combine(folder, run.RunId + ".csv");
    await using (var file = File.Create(path))
    {
        await client.DownloadAsync(run, file);
    }

    var length = new FileInfo(path).Length;
    var collected = new CollectedRun(new RunRecord(run.RunId, report.Id, window.From.Value, window.To.Value), ReportType.Traffic, ReportFormat.Csv, run.CompletedAt, path, length, RunOrigin.Poll, 1, false);
    return (path, length, collected);
}

static Task LoadAsync(IRunHandler sink, (string Path, long Length, CollectedRun Run) run) => sink.HandleAsync(run.Run, CancellationToken.None);

static async Task PsqlCopyAsync(string connectionString, string csv)
{
    var settings = new NpgsqlConnectionStringBuilder(connectionString);
    var psql = Process.Start(new ProcessStartInfo("psql")
    {
        ArgumentList = { "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!, "-v", "ON_ERROR_STOP=1", "-q",
            "-c", $"\\copy anchor_traffic(date,subuser_id,product,bandwidth_bytes,requests) from '{csv}' csv header" },
        RedirectStandardError = true,
    })!;
    await psql.WaitForExitAsync();
    if (psql.ExitCode != 0)
    {
        throw new InvalidOperationException($"psql failed: {await psql.StandardError.ReadToEndAsync()}");
    }
}

static async Task InsertLoopAsync(NpgsqlDataSource dataSource, (string Path, long Length, CollectedRun Run) run, int limit)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var insert = new NpgsqlCommand(
        "INSERT INTO helodata_traffic (report_id, run_id, window_from, window_to, row_number, date, subuser_id, product, bandwidth_bytes, requests) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        connection,
        transaction);
    NpgsqlDbType[] types = [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Bigint, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint];
    var p = types.Select(type => insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type })).ToArray();
    (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (run.Run.ReportId, run.Run.RunId, run.Run.Window.From!.Value, run.Run.Window.To!.Value);
    await insert.PrepareAsync();
    await foreach (var row in run.Run.ReadRowsAsync<TrafficRow>())
    {
        if (row.RowNumber > limit)
        {
            break;
        }

        (p[4].Value, p[5].Value, p[6].Value, p[7].Value, p[8].Value, p[9].Value) = (row.RowNumber, row.Date, row.SubuserId, row.Product.ToString(), row.BandwidthBytes, row.Requests);
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}

static async Task ParseOnlyAsync((string Path, long Length, CollectedRun Run) run)
{
    long sum = 0;
    await foreach (var row in run.Run.ReadRowsAsync<TrafficRow>())
    {
        sum += row.BandwidthBytes;
    }

    GC.KeepAlive(sum);
}

static async Task<double> TimeAsync(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed.TotalSeconds;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static void Assert(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Check failed: " + what);
    }
}

static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task OnServerAsync(string server, string sql)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

/// <summary>The collector's builder, reduced to what the probe needs: the handler LoadIntoPostgreSql adds.</summary>
internal sealed class ProbeBuilder(IServiceCollection services) : IReportsCollectorBuilder
{
    private Func<IServiceProvider, IRunHandler>? _factory;

    public IServiceCollection Services => services;

    public IReportsCollectorBuilder AddHandler(string name, Func<IServiceProvider, IRunHandler> factory)
    {
        _factory = factory;
        return this;
    }

    public IRunHandler Handler(IServiceProvider provider) => _factory!(provider);
}
