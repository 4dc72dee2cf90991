using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>
/// The issue's crash test: one sandbox process firing hourly schedules of several report types at a large time scale
/// (hundreds of runs in a few minutes), three <c>collect</c> processes sharing one PostgreSQL state, table sink and
/// <c>--out</c> folder, each killed with SIGKILL at random every 5 to 20 s and restarted. Then the schedules stop,
/// each instance runs one last <c>--once</c> (which first releases what its killed lives held), and every completed run
/// of the sandbox's runs log must be in the folder once and in the tables once, with nothing missing and nothing half done.
/// </summary>
[Category("PostgreSql")]
[NonParallelizable]
public sealed class CollectCrashTests
{
    // An hourly schedule fires every 2 real seconds: with five reports, about 375 runs in the crash phase. Each report
    // makes at most 10 runs in 20 s, the depth of its recent_runs, which some collector always polls within.
    private const int TimeScale = 1800;
    private const int ArtifactRows = 20;
    private static readonly TimeSpan CrashPhase = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private static readonly ReportType[] Types = [ReportType.Traffic, ReportType.Requests, ReportType.Invoices, ReportType.Subusers, ReportType.IspBatches];

    [Test]
    public async Task Three_collectors_killed_at_random_load_every_completed_run_once_and_never_move_a_checkpoint_back()
    {
        Assume.That(OperatingSystem.IsLinux(), "SIGKILL, and TMPDIR as the collectors' spool root");
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("helodata-crash-").FullName;
        try
        {
            await RunAsync(database.ConnectionString, folder);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string connectionString, string folder)
    {
        var runsLog = Path.Combine(folder, "runs.ndjson");
        var outFolder = Path.Combine(folder, "out");
        var spool = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        using var sandbox = await SandboxProcess.StartAsync(folder, ["--time-scale", $"{TimeScale}", "--runs-log", runsLog, "--artifact-rows", $"{ArtifactRows}"]);
        using var client = sandbox.CreateClient();
        var reports = new List<Report>();
        foreach (var type in Types)
        {
            reports.Add(await client.CreateReportAsync(new NewReport($"crash-{type}", type, ReportFormat.Csv) { Schedule = "0 * * * *" }));
        }

        // The connection string from the environment, as a user gives one with a password; the spool under TMPDIR.
        var environment = new Dictionary<string, string>(sandbox.Environment)
        {
            ["HELODATA_CRASH_DATABASE"] = connectionString,
            ["TMPDIR"] = spool,
            ["DOTNET_EnableDiagnostics"] = "0",
        };
        string[] Collect(string instance, bool once) =>
        [
            "collect", "--out", outFolder, "--postgres", "env:HELODATA_CRASH_DATABASE", "--state", "postgres:env:HELODATA_CRASH_DATABASE",
            "--instance", instance, "--poll-interval", "1s", "--since", "1d", .. once ? new[] { "--once", "--json" } : [],
        ];

        var seed = Random.Shared.Next();
        TestContext.Out.WriteLine($"kill schedule seed {seed}");
        var collectors = Enumerable.Range(1, 3)
            .Select(i => new KilledCollector($"crash-{i}", () => BuiltTool.Start(BuiltTool.Dll("Cli"), folder, Collect($"crash-{i}", once: false), environment), new Random(seed + i)))
            .ToList();
        var sampler = new CheckpointSampler(connectionString);
        using var sampling = new CancellationTokenSource();
        var sampled = sampler.RunAsync(sampling.Token);
        using (var crashing = new CancellationTokenSource(CrashPhase))
        {
            await Task.WhenAll(collectors.Select(collector => collector.RunAsync(crashing.Token)));
        }

        // The service stops making runs; every run it made reaches its end.
        foreach (var report in reports)
        {
            await client.UpdateReportAsync(report.Id, new ReportUpdate { Schedule = null });
        }

        var runs = await EveryRunEndedAsync(runsLog);

        // One last pass per instance: each first releases the claims its killed lives left, then collects.
        foreach (var collector in collectors)
        {
            var last = await ChildProcess.RunAsync(BuiltTool.Start(BuiltTool.Dll("Cli"), folder, Collect(collector.Instance, once: true), environment), Guard);
            Assert.That(last.ExitCode, Is.Zero, last.ToString());
        }

        await sampling.CancelAsync();
        await sampled;

        var completed = runs.Where(run => run.FinalStatus == "completed").ToList();
        TestContext.Out.WriteLine($"{runs.Count} runs, {completed.Count} completed; kills {string.Join(", ", collectors.Select(c => $"{c.Instance} {c.Kills}"))}; {sampler.Samples} checkpoint samples of {sampler.Reports.Count} reports");

        // Every check, each failure reported: one run of this test is minutes long.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(collectors.SelectMany(collector => collector.UnexpectedExits), Is.Empty, "a collector only ends when killed");
            Assert.That(collectors.Select(collector => collector.Kills), Has.All.GreaterThanOrEqualTo(5), "each collector was killed again and again");
            Assert.That(completed, Has.Count.GreaterThanOrEqualTo(200), "hundreds of runs");
            // The collectors judge occurrences on the real clock, up to now minus the grace period, and the sandbox's clock
            // starts now and runs ahead: no occurrence is judged during this test, so no checkpoint is written yet. The
            // sampling stays, so the check bites once the sandbox can start its clock in the past.
            Assert.That(sampler.Samples, Is.GreaterThan(100), "the checkpoints were read all along");
            Assert.That(sampler.MovedBack, Is.Empty, "a checkpoint only moves forward");
            await CrashVerdict.AssertEveryRunInTheFolderOnceAsync(client, outFolder, completed);
            await CrashVerdict.AssertEveryWindowInTheTablesOnceAsync(client, connectionString, completed, reports.Count);
            await CrashVerdict.AssertEveryRunRecordedCollectedAsync(connectionString, completed);
            Assert.That(Directory.GetFiles(spool, "*", SearchOption.AllDirectories), Is.Empty, "no spool file left");
        }
    }

    private static async Task<IReadOnlyList<LoggedRun>> EveryRunEndedAsync(string runsLog)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var runs = SandboxRunsLog.Read(runsLog);
            if (runs.All(run => run.FinalStatus is not null))
            {
                return runs;
            }

            await Task.Delay(200, guard.Token);
        }
    }
}
