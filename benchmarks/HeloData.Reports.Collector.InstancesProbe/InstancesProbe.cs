using System.Diagnostics;
using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Npgsql;

namespace HeloData.Reports.Collector.InstancesProbe;

/// <summary>
/// The parent: the sandbox (in this process, runs complete at once, small one-day <c>traffic</c> csv artifacts; every
/// run exists before the workers start, so they never wait for the service), then, round after round, one worker with
/// the in-memory store (the floor), one with the PostgreSQL store, and N sharing one PostgreSQL schema (fresh each
/// round, so every run is new to it). The clock runs from <c>go</c> to the pass that brings the runs collected to the
/// total; each row is the median round.
/// </summary>
internal static class InstancesProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var (processes, reports, perReport, rounds) = (Arg(0, 3), Arg(1, 60), Arg(2, 10), Arg(3, 3));
        var postgres = Environment.GetEnvironmentVariable(WorkerSettings.Postgres);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine($"Set {WorkerSettings.Postgres} to an Npgsql connection string (a schema of its own per round is created in its database and dropped at the end).");
            return 2;
        }

        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        var work = await Workload.CreateAsync(sandbox, reports, perReport, processes);
        var temp = Directory.CreateTempSubdirectory("helodata-instances-probe-");
        var schemas = new List<string>();
        try
        {
            var version = await ScalarAsync(postgres, "SHOW server_version");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{work.Total} runs ({reports} reports × {perReport}), no-op handler, default MaxConcurrentRuns, {Environment.ProcessorCount} cores shared by the sandbox, the workers and PostgreSQL {version}"));
            (string Label, int Processes)[] settings = [("in-memory", 1), ("PostgreSQL", 1), ("PostgreSQL", processes)];
            var measured = settings.ToDictionary(s => s, _ => new List<Round>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var setting in settings)
                {
                    var state = WorkerSettings.InMemory;
                    if (setting.Label != WorkerSettings.InMemory)
                    {
                        state = $"helodata_probe_{Guid.NewGuid():N}";
                        schemas.Add(state);
                    }

                    measured[setting].Add(await MeasureAsync(sandbox, work, temp.FullName, setting.Processes, state, postgres));
                }
            }

            Console.WriteLine("| store | processes | runs/min | wall ms per run (rounds' range) | minus in-memory | workers' CPU ms per run | sandbox's CPU ms per run | runs per process (passes) | load average (1 min) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            var floor = Median(measured[settings[0]]).PerRun;
            foreach (var setting in settings)
            {
                var all = measured[setting];
                var median = Median(all);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {setting.Label} | {setting.Processes} | **{60_000 / median.PerRun:N0}** | {median.PerRun:0.00} ({all.Min(r => r.PerRun):0.00}–{all.Max(r => r.PerRun):0.00}) | {(setting == settings[0] ? "—" : $"{median.PerRun - floor:+0.00;-0.00} ms")} | {median.WorkerCpu:0.00} | {median.SandboxCpu:0.00} | {median.Split} | {all.Min(r => r.Load):0.0}–{all.Max(r => r.Load):0.0} |"));
            }

            var problems = measured.Values.SelectMany(r => r).Where(r => r.Problem is not null).Select(r => r.Problem).ToList();
            problems.ForEach(Console.WriteLine);
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var schema in schemas)
            {
                await ScalarAsync(postgres, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            }

            temp.Delete(recursive: true);
        }
    }

    private sealed record Round(double PerRun, double WorkerCpu, double SandboxCpu, string Split, double Load, string? Problem);

    private static Round Median(List<Round> rounds) => rounds.OrderBy(r => r.PerRun).ElementAt(rounds.Count / 2);

    private static async Task<Round> MeasureAsync(ReportsSandbox sandbox, Workload work, string temp, int processes, string state, string postgres)
    {
        using var limit = new CancellationTokenSource(Limit);
        var done = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var collected = 0;
        var clock = new Stopwatch();
        var workers = Enumerable.Range(0, processes).Select(i => WorkerProcess.Start(
            new Dictionary<string, string>
            {
                [WorkerSettings.Api] = sandbox.ApiBaseAddress.ToString(),
                [WorkerSettings.ApiKey] = sandbox.ApiKey,
                [WorkerSettings.Instance] = $"probe-{i}",
                [WorkerSettings.Reports] = string.Join(',', work.Reports),
                [WorkerSettings.WarmupRun] = work.Warmups[i],
                [WorkerSettings.WarmupReport] = work.WarmupReport,
                [WorkerSettings.Temp] = temp,
                [WorkerSettings.State] = state,
                [WorkerSettings.Postgres] = postgres,
            },
            count =>
            {
                if (Interlocked.Add(ref collected, count) >= work.Total)
                {
                    done.TrySetResult(clock.Elapsed);
                }
            })).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ready)).WaitAsync(limit.Token);
            var load = LoadAverage();
            var sandboxCpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Start();
            workers.ForEach(w => w.Go());
            var elapsed = await done.Task.WaitAsync(limit.Token);
            sandboxCpu = Process.GetCurrentProcess().TotalProcessorTime - sandboxCpu;
            var workerCpu = workers.Sum(w => w.CpuMilliseconds);
            var split = string.Join(" / ", workers.Select(w => $"{w.Collected} ({w.Passes})"));
            var handled = (await Task.WhenAll(workers.Select(w => w.StopAsync(limit.Token)))).SelectMany(ids => ids).ToList();
            var twice = handled.Count - handled.Distinct().Count();
            var problem = twice > 0 || handled.Distinct().Count() != work.Total
                ? $"{processes} × {state}: {handled.Distinct().Count()} of {work.Total} runs handled, {twice} twice"
                : null;
            return new Round(elapsed.TotalMilliseconds / work.Total, workerCpu / work.Total, sandboxCpu.TotalMilliseconds / work.Total, split, Math.Max(load, LoadAverage()), problem);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The measured runs' reports, and a report left out of them with one run per worker (their warm-up).</summary>
    private sealed record Workload(IReadOnlyList<string> Reports, string WarmupReport, IReadOnlyList<string> Warmups, int Total)
    {
        public static async Task<Workload> CreateAsync(ReportsSandbox sandbox, int reports, int perReport, int workers)
        {
            using var client = sandbox.CreateClient();
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var ids = new List<string>();
            for (var r = 0; r < reports; r++)
            {
                var report = await client.CreateReportAsync(new NewReport($"instances-{r}", ReportType.Traffic, ReportFormat.Csv));
                ids.Add(report.Id);
                for (var i = 0; i < perReport; i++)
                {
                    await client.RunReportAsync(report.Id, new RunWindow { From = day.AddDays(-i), To = day.AddDays(-i) });
                }
            }

            var warmup = await client.CreateReportAsync(new NewReport("instances-warmup", ReportType.Traffic, ReportFormat.Csv));
            var warmups = new List<string>();
            for (var i = 0; i < workers; i++)
            {
                warmups.Add((await client.RunReportAsync(warmup.Id, new RunWindow { From = day.AddDays(-i), To = day.AddDays(-i) })).RunId);
            }

            return new Workload(ids, warmup.Id, warmups, reports * perReport);
        }
    }
}
