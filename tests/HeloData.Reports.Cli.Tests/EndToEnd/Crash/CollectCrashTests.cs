using System.Globalization;
using System.Text.Json.Nodes;
using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>
/// The issue's crash test: one sandbox process firing daily and twice-daily schedules of several report types at a large
/// time scale, with some scheduled runs hidden from every list and some failing (so there are gaps to find and
/// backfill), and three <c>collect</c> processes on the sandbox's clock (<c>--time-scale</c>, <c>--time-origin</c>)
/// sharing one PostgreSQL state, table sink and <c>--out</c> folder, each killed with SIGKILL at random every 5 to 20 s
/// and restarted. The checkpoints are sampled all along: they must never move back, and must really move. Then the
/// schedules stop, <c>--once</c> passes run until the state has nothing left to do, and every visible run must be in the
/// folder once and its window in the tables once, every judged gap filled, nothing half done.
/// </summary>
[Category("PostgreSql")]
[NonParallelizable]
public sealed class CollectCrashTests
{
    // A sandbox day is 8 real seconds: a daily schedule fires every 8 s and a twice-daily one every 4 s (10 runs, the
    // depth of recent_runs, in 40 s, which some collector polls within even on a machine loaded 50 deep), and the 90 days
    // of retention last 12 real minutes, past the test's end. Ten reports make about 260 scheduled runs in the crash phase.
    private const int TimeScale = 10_800;
    private const int ArtifactRows = 20;
    private const int MaxFinalPasses = 20;
    private static readonly TimeSpan CrashPhase = TimeSpan.FromSeconds(140);
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromDays(1); // --grace-period and --claim-lease below
    private static readonly TimeSpan ClaimLease = TimeSpan.FromDays(1);
    private static readonly ReportType[] Types = [ReportType.Traffic, ReportType.Requests, ReportType.Invoices, ReportType.Subusers, ReportType.IspBatches];
    private static readonly string[] Schedules = ["0 0 * * *", "0 0,12 * * *"];

    [Test]
    public async Task Three_collectors_killed_at_random_fill_every_gap_load_every_visible_run_once_and_move_checkpoints_only_forward()
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

        // One clock for the sandbox and every collector: the same scale from the same origin.
        var origin = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string[] clock = ["--time-scale", $"{TimeScale}", "--time-origin", origin];
        using var sandbox = await SandboxProcess.StartAsync(folder, [.. clock, "--runs-log", runsLog, "--artifact-rows", $"{ArtifactRows}", "--hide-runs", "0.1", "--fail-runs", "0.1"]);
        using var client = sandbox.CreateClient();
        var reports = new List<Report>();
        foreach (var (type, schedule) in Types.SelectMany(type => Schedules.Select(schedule => (type, schedule))))
        {
            reports.Add(await client.CreateReportAsync(new NewReport($"crash-{type}", type, ReportFormat.Csv) { Schedule = schedule }));
        }

        // The connection string from the environment, as a user gives one with a password; the spool under TMPDIR.
        // Durations are sandbox time: a poll every real second, leases and grace of 8 real seconds.
        var environment = new Dictionary<string, string>(sandbox.Environment)
        {
            ["HELODATA_CRASH_DATABASE"] = connectionString,
            ["TMPDIR"] = spool,
            ["DOTNET_EnableDiagnostics"] = "0",
        };
        string[] Collect(string instance, bool once) =>
        [
            "collect", "--out", outFolder, "--postgres", "env:HELODATA_CRASH_DATABASE", "--state", "postgres:env:HELODATA_CRASH_DATABASE",
            "--instance", instance, "--backfill", .. clock, "--poll-interval", "3h", "--grace-period", "1d", "--claim-lease", "1d", "--since", "90d",
            .. once ? new[] { "--once", "--json" } : [],
        ];

        var seed = Random.Shared.Next();
        TestContext.Out.WriteLine($"kill schedule seed {seed}, clock origin {origin}");
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

        var distinctWhileKilled = sampler.DistinctSoFar();

        // The service stops making scheduled runs (so no occurrence is judged any more); every run it made reaches its end.
        foreach (var report in reports)
        {
            await client.UpdateReportAsync(report.Id, new ReportUpdate { Schedule = null });
        }

        var runs = await EveryRunEndedAsync(runsLog);
        var scheduledRuns = runs.Where(run => run.Scheduled).ToList();

        // Passes until nothing is left to do, each instance in turn (each first releases the claims its killed lives
        // left): a backfill claimed by a killed life is asked again once its lease lapses, and a run requested in one
        // pass is collected in the next. Done when every visible run is collected and no gap open, or when a pass found
        // nothing to do and no gap is open (a visible run left uncollected then fails the verdict below, named).
        var passes = 0;
        CollectorStateReading state;
        bool done;
        do
        {
            var instance = collectors[passes++ % collectors.Count].Instance;
            var last = await ChildProcess.RunAsync(BuiltTool.Start(BuiltTool.Dll("Cli"), folder, Collect(instance, once: true), environment), Guard);
            Assert.That(last.ExitCode, Is.Zero, last.ToString());
            runs = await EveryRunEndedAsync(runsLog);
            state = await CollectorStateReading.ReadAsync(connectionString);
            var idle = new[] { "collected", "in_progress", "failed", "backfills_requested" }.All(count => JsonNode.Parse(last.Out)![count]!.GetValue<int>() == 0);
            done = passes >= collectors.Count && (state.Converged(runs) || (idle && !state.OpenGaps.Any()));
            Assert.That(done || passes < MaxFinalPasses, Is.True, $"the final passes converge; open gaps: {string.Join(", ", state.OpenGaps)}; last pass: {last}");
        }
        while (!done);

        await sampling.CancelAsync();
        await sampled;

        var visible = runs.Where(run => run.Visible).ToList();
        var checkpoints = sampler.Seen.ToDictionary(report => report.Key, report => report.Value.Max);
        // How far each report's checkpoint had to get, from the runs log and the state: the last window due (its first
        // occurrence) by the last pass that saw the schedule (the final passes judge nothing: it is gone by then), less
        // the grace period and one claim lease (a window whose run a killed instance still held a claim on is pending).
        var dueBy = reports.ToDictionary(report => report.Id, report =>
        {
            if (!state.ScheduleSeenAt.TryGetValue(report.Id, out var seen))
            {
                return DateTimeOffset.MaxValue; // never judged: fails below
            }

            var limit = seen - GracePeriod - ClaimLease;
            return scheduledRuns.Where(run => run.ReportId == report.Id)
                .GroupBy(run => (run.From, run.To), (_, window) => window.Min(run => run.CreatedAt))
                .Where(due => due <= limit)
                .DefaultIfEmpty(DateTimeOffset.MaxValue)
                .Max();
        });
        TestContext.Out.WriteLine(
            $"{runs.Count} runs: {scheduledRuns.Count} scheduled ({scheduledRuns.Count(run => run.Hidden)} hidden, {scheduledRuns.Count(run => run.FinalStatus == "failed")} failed), "
            + $"{runs.Count - scheduledRuns.Count} on demand (backfills); {visible.Count} visible completed ({visible.Count(run => !state.Collected.Contains(run.RunId))} not collected); "
            + $"gaps in the state {string.Join(", ", state.Gaps.GroupBy(gap => gap.Status).Select(group => $"{group.Key} {group.Count()}"))}; "
            + $"kills {string.Join(", ", collectors.Select(c => $"{c.Instance} {c.Kills}"))}; final passes {passes}; "
            + $"{sampler.Samples} checkpoint samples, distinct values per report while killed {string.Join(" ", distinctWhileKilled.Values)}, in all {string.Join(" ", sampler.Seen.Values.Select(values => values.Count))}; "
            + $"checkpoints {string.Join(", ", reports.Select(report => $"{checkpoints.GetValueOrDefault(report.Id):MM-dd HH:mm} (due by {dueBy[report.Id]:MM-dd HH:mm})"))}");

        // Every check, each failure reported: one run of this test is minutes long.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(collectors.SelectMany(collector => collector.UnexpectedExits), Is.Empty, "a collector only ends when killed");
            Assert.That(collectors.Select(collector => collector.Kills), Has.All.GreaterThanOrEqualTo(5), "each collector was killed again and again");
            Assert.That(visible, Has.Count.GreaterThanOrEqualTo(200), "hundreds of runs");
            Assert.That(runs.Where(run => !run.Scheduled), Is.Not.Empty, "gaps were backfilled");
            Assert.That(sampler.Samples, Is.GreaterThan(100), "the checkpoints were read all along");
            Assert.That(sampler.MovedBack, Is.Empty, "a checkpoint only moves forward");
            Assert.That(sampler.Seen.Keys, Is.EquivalentTo(reports.Select(report => report.Id)), "every report's occurrences were judged");
            Assert.That(reports.Select(report => distinctWhileKilled.GetValueOrDefault(report.Id)), Has.All.GreaterThanOrEqualTo(3), "each checkpoint moved at least twice while the collectors were killed");
            Assert.That(
                reports.Where(report => checkpoints.GetValueOrDefault(report.Id) < dueBy[report.Id]).Select(report => $"{report.Id}: {checkpoints.GetValueOrDefault(report.Id):O} before {dueBy[report.Id]:O}"),
                Is.Empty,
                "each checkpoint reached the last window due by the last pass that judged its schedule, less the grace period and a claim lease");
            await CrashVerdict.AssertEveryRunInTheFolderOnceAsync(client, outFolder, visible);
            await CrashVerdict.AssertEveryWindowInTheTablesOnceAsync(client, connectionString, visible, Types.Length);
            CrashVerdict.AssertEveryRunRecordedCollected(state, visible);
            CrashVerdict.AssertEveryJudgedGapFilled(runs, checkpoints, state);
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
