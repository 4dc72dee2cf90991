using System.Diagnostics;
using HeloData.Reports.Collector;
using HeloData.Reports.PostgreSql;
using Npgsql;

// The PostgreSQL state store's overhead per collected run: the four calls the collector makes for a run whose one
// handler returns (claim, one heartbeat renewal, the handler's record, completion), each one round trip, on the
// server HELODATA_TEST_POSTGRES names (a database of its own, dropped at the end).
//   dotnet run -c Release --project benchmarks/HeloData.Reports.PostgreSql.ClaimProbe -- [runs] [workers]
var server = Environment.GetEnvironmentVariable("HELODATA_TEST_POSTGRES");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("Set HELODATA_TEST_POSTGRES to an Npgsql connection string of a PostgreSQL server (its database is used to create and drop another).");
    return 2;
}

var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var workers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
var database = "helodata_claim_probe_" + Guid.NewGuid().ToString("N");
await OnServerAsync($"CREATE DATABASE \"{database}\"");
try
{
    var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using var store = new PostgreSqlCollectorStateStore(dataSource, "probe", TimeProvider.System);
    await store.StartAsync(default);

    await CycleAsync(store, "warmup", 200);
    var calls = new double[4];
    var (perRun, percentiles) = await CycleAsync(store, "serial", runs, calls);
    Console.WriteLine($"one worker, {runs} runs: {perRun:F2} ms per run (p50 {percentiles.P50:F2}, p95 {percentiles.P95:F2}); " +
        $"claim {calls[0] / runs:F2}, renew {calls[1] / runs:F2}, handler record {calls[2] / runs:F2}, complete {calls[3] / runs:F2} ms");
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => CycleAsync(store, $"parallel{worker}", runs)));
    Console.WriteLine($"{workers} workers, {runs} runs each: {watch.Elapsed.TotalMilliseconds / (runs * workers):F2} ms per run of wall time ({runs * workers / watch.Elapsed.TotalSeconds:F0} runs/s)");
    Console.WriteLine($"PostgreSQL {await ScalarAsync(connectionString, "SHOW server_version")}, synchronous_commit {await ScalarAsync(connectionString, "SHOW synchronous_commit")}, fsync {await ScalarAsync(connectionString, "SHOW fsync")}");
    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await OnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
}

static async Task<(double PerRun, (double P50, double P95) Percentiles)> CycleAsync(PostgreSqlCollectorStateStore store, string prefix, int runs, double[]? calls = null)
{
    var day = new DateOnly(2026, 5, 1);
    var lease = TimeSpan.FromMinutes(1);
    var each = new double[runs];
    var total = Stopwatch.StartNew();
    for (var i = 0; i < runs; i++)
    {
        var runId = $"{prefix}_{i}";
        var start = Stopwatch.GetTimestamp();
        var claim = await store.TryClaimAsync(new RunRecord { RunId = runId, ReportId = "rep_probe", From = day, To = day }, lease, default);
        var claimed = Stopwatch.GetTimestamp();
        var renewed = await store.RenewAsync(runId, lease, default);
        var afterRenew = Stopwatch.GetTimestamp();
        var recorded = await store.RecordHandlerFinishedAsync(runId, "probe-handler", default);
        var afterRecord = Stopwatch.GetTimestamp();
        await store.CompleteAsync(runId, default);
        var done = Stopwatch.GetTimestamp();
        if (claim.Status != RunClaimStatus.Claimed || !renewed || !recorded)
        {
            throw new InvalidOperationException($"Run {runId}: {claim}, renewed {renewed}, recorded {recorded}.");
        }

        each[i] = Stopwatch.GetElapsedTime(start, done).TotalMilliseconds;
        if (calls is not null)
        {
            calls[0] += Stopwatch.GetElapsedTime(start, claimed).TotalMilliseconds;
            calls[1] += Stopwatch.GetElapsedTime(claimed, afterRenew).TotalMilliseconds;
            calls[2] += Stopwatch.GetElapsedTime(afterRenew, afterRecord).TotalMilliseconds;
            calls[3] += Stopwatch.GetElapsedTime(afterRecord, done).TotalMilliseconds;
        }
    }

    Array.Sort(each);
    return (total.Elapsed.TotalMilliseconds / runs, (each[runs / 2], each[(int)(runs * 0.95)]));
}

async Task OnServerAsync(string sql)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<object?> ScalarAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return await command.ExecuteScalarAsync();
}
