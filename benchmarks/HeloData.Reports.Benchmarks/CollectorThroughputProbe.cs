using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HeloData.Reports.Collector;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// Issue 20: runs collected per minute by 1 and by 3 collector instances against the sandbox, and the state store's
/// overhead per run: <c>dotnet run -c Release -- collector-throughput [reports] [runs per report]</c> (60 and 10 by
/// default; <c>recent_runs</c> shows at most 10 runs per report). The PostgreSQL rows need
/// <c>HELODATA_TEST_POSTGRES</c> (a schema of their own per row in its database, dropped at the end).
/// </summary>
/// <remarks>
/// The sandbox (in this process, runs complete at once, small one-day <c>traffic</c> csv artifacts) has every run
/// ready before the collectors start, so they never wait for the service. Each instance is a DI container of its
/// own (its own client, collector and store object, instance name <c>probe-N</c>) in this process, passing
/// <see cref="IReportsCollector.CollectOnceAsync"/> in a loop until every run is handled; the handler does nothing
/// (the collector still downloads each run into its spool file). The in-memory store is measured first, twice
/// (the first warms the JIT up), then SQLite and PostgreSQL; the store's overhead is its ms per run minus the
/// in-memory store's.
/// </remarks>
internal static class CollectorThroughputProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var reports = args is [var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 60;
        var perReport = args is [_, var p, ..] ? int.Parse(p, CultureInfo.InvariantCulture) : 10;
        var rounds = args is [_, _, var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 3;
        var postgres = Environment.GetEnvironmentVariable("HELODATA_TEST_POSTGRES");
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        var work = await CreateRunsAsync(sandbox, reports, perReport);
        var temp = Directory.CreateTempSubdirectory("helodata-collector-throughput-");
        var schemas = new List<string>();
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{work.Total} runs ({reports} reports × {perReport}), no-op handler, MaxConcurrentRuns 2 per instance, {Environment.ProcessorCount} cores"));
            Console.WriteLine("| store | instances | runs/min | wall ms per run (rounds' range) | minus in-memory | process CPU ms per run | runs per instance |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            await MeasureAsync(sandbox, temp.FullName, work, 1, (b, _) => UseInMemory(b)); // JIT warm-up, not printed
            var baseline = await RoundsAsync("in-memory", 1, () => (b, _) => UseInMemory(b), null);
            await RoundsAsync("SQLite", 1, () =>
            {
                var file = Path.Combine(temp.FullName, $"state-{Guid.NewGuid():N}.db");
                return (b, _) => b.UseSqliteState(file);
            }, baseline);
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Console.WriteLine("(PostgreSQL rows skipped: HELODATA_TEST_POSTGRES is not set.)");
                return 0;
            }

            foreach (var instances in new[] { 1, 3 })
            {
                await RoundsAsync("PostgreSQL", instances, () =>
                {
                    var schema = $"helodata_probe_{Guid.NewGuid():N}";
                    schemas.Add(schema);
                    return (b, _) => b.UsePostgreSqlState(postgres, schema);
                }, baseline);
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            foreach (var schema in schemas)
            {
                await using var connection = new NpgsqlConnection(postgres);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }

            temp.Delete(recursive: true);
        }

        // Each round on a fresh store (every run new to it); the median round is printed, with the rounds' range.
        async Task<double> RoundsAsync(string label, int instances, Func<Action<IReportsCollectorBuilder, int>> freshStore, double? baseline)
        {
            var measured = new List<Round>();
            for (var i = 0; i < rounds; i++)
            {
                measured.Add(await MeasureAsync(sandbox, temp.FullName, work, instances, freshStore()));
            }

            var median = measured.OrderBy(m => m.PerRun).ElementAt(rounds / 2);
            var (fast, slow) = (measured.Min(m => m.PerRun), measured.Max(m => m.PerRun));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {instances} | **{60_000 / median.PerRun:N0}** | {median.PerRun:0.00} ({fast:0.00}–{slow:0.00}) | {(baseline is { } b ? $"{median.PerRun - b:+0.00;-0.00} ms" : "—")} | {median.CpuPerRun:0.00} | {median.Split}{(median.Twice > 0 ? $" ({median.Twice} handled twice)" : "")} |"));
            return median.PerRun;
        }
    }

    private static void UseInMemory(IReportsCollectorBuilder builder) =>
        builder.Services.Replace(ServiceDescriptor.Singleton<ICollectorStateStore>(_ => new InMemoryCollectorStateStore("probe-0", TimeProvider.System)));

    // The measured runs' reports, and one run per instance of a report left out of them: each instance collects its
    // own by id first (CollectRunAsync), so the store's start, the spool and the connections are ready before the clock starts.
    private static async Task<Workload> CreateRunsAsync(ReportsSandbox sandbox, int reports, int perReport)
    {
        using var client = sandbox.CreateClient();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var ids = new List<string>();
        for (var r = 0; r < reports; r++)
        {
            var report = await client.CreateReportAsync(new NewReport($"throughput-{r}", ReportType.Traffic, ReportFormat.Csv));
            ids.Add(report.Id);
            for (var i = 0; i < perReport; i++)
            {
                await client.RunReportAsync(report.Id, new RunWindow { From = day.AddDays(-i), To = day.AddDays(-i) });
            }
        }

        var warmup = await client.CreateReportAsync(new NewReport("throughput-warmup", ReportType.Traffic, ReportFormat.Csv));
        var warmups = new List<ReportRun>();
        for (var i = 0; i < 3; i++)
        {
            var accepted = await client.RunReportAsync(warmup.Id, new RunWindow { From = day.AddDays(-i), To = day.AddDays(-i) });
            warmups.Add(await client.GetRunAsync(accepted.RunId));
        }

        return new Workload(ids, warmups, reports * perReport);
    }

    private sealed record Workload(IReadOnlyList<string> Reports, IReadOnlyList<ReportRun> Warmups, int Total);

    private sealed record Round(double PerRun, double CpuPerRun, string Split, int Twice);

    private static async Task<Round> MeasureAsync(ReportsSandbox sandbox, string temp, Workload work, int instances, Action<IReportsCollectorBuilder, int> useStore)
    {
        var handled = new ConcurrentDictionary<string, int>();
        var perInstance = new int[instances];
        var providers = new List<ServiceProvider>();
        for (var i = 0; i < instances; i++)
        {
            // The options are configured when the collector is resolved, after the loop: each takes its own copy of i.
            var instance = $"probe-{i}";
            var services = new ServiceCollection().AddLogging();
            services.AddHeloReports(sandbox.Configure);
            var builder = services.AddHeloReportsCollector(o =>
                {
                    (o.InstanceName, o.TemporaryDirectory) = (instance, temp);
                    o.Reports = [.. work.Reports];
                })
                .AddHandler("noop", (run, _) =>
                {
                    handled.AddOrUpdate(run.RunId, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            useStore(builder, i);
            providers.Add(services.BuildServiceProvider());
        }

        using var limit = new CancellationTokenSource(Limit);
        await Task.WhenAll(providers.Select((provider, i) => provider.GetRequiredService<IReportsCollector>().CollectRunAsync(work.Warmups[i], null, RunOrigin.Application, limit.Token)));
        handled.Clear();
        var total = work.Total;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(providers.Select((provider, i) => Task.Run(async () =>
        {
            var collector = provider.GetRequiredService<IReportsCollector>();
            while (handled.Count < total)
            {
                var pass = await collector.CollectOnceAsync(limit.Token);
                perInstance[i] += pass.Collected;
            }
        })));
        stopwatch.Stop();
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Round(stopwatch.Elapsed.TotalMilliseconds / total, cpu.TotalMilliseconds / total, string.Join(" / ", perInstance), handled.Values.Count(n => n > 1));
    }
}
