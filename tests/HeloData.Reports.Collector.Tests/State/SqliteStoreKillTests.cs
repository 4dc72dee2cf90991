using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector.Tests.State;

/// <summary>
/// A process claiming runs and recording their handlers on a <see cref="SqliteCollectorStateStore"/>
/// (tests/HeloData.Reports.Collector.CrashStore), killed with kill -9 at chosen points and restarted under the same
/// instance name until every run is collected. Each life stops with a claim held (its Nth claim, inside the first
/// handler, inside the second with the first recorded, or with both recorded and the run not completed, in turn) and
/// is killed there, so every kill leaves a claim whose lease is an hour from lapsing: each restart releases the dead
/// life's claims at once, no handler recorded as finished runs again, every claim after a dead one says it may have
/// been handled, the store's attempts and finished handlers agree with what the lives did, and the file is not corrupt.
/// </summary>
public sealed partial class SqliteStoreKillTests
{
    private const int Runs = 150;
    private const int Kills = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<Process> _lives = [];
    private string _folder = null!;

    private string DatabasePath => Path.Combine(_folder, "state", "collector.db");

    private string LogPath => Path.Combine(_folder, "lives.log");

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-collector-kill-").FullName;

    [TearDown]
    public void TearDown()
    {
        // A test that failed midway leaves no process behind.
        foreach (var life in _lives)
        {
            Kill(life);
            life.Dispose();
        }

        _lives.Clear();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Killed_holding_a_claim_and_restarted_the_store_releases_the_dead_lifes_claims_at_once_and_stays_consistent()
    {
        string[] points = ["first", "second", "complete"];
        var leftByTheDead = new List<string>();
        var releases = 0;
        for (var life = 1; life <= Kills; life++)
        {
            // Each point three or four times, at the life's 2nd to 5th claim.
            var process = Start(holdAtClaim: 2 + (life % 4), holdAt: points[life % 3]);
            await WaitForLogAsync(lines => lines.Count(line => line == "started") == life, process);
            var holding = Lives();
            Assert.That(holding.Intersect(leftByTheDead), Is.Empty, $"life {life} started with claims of the life killed before it, an hour's lease from lapsing");
            releases += leftByTheDead.Count;

            // Killed only once all three workers are still: the holder at its point, the others before their next step.
            await WaitForLogAsync(lines => lines.Count(line => line.StartsWith("holding ", StringComparison.Ordinal)) == life && lines.Count(line => line == "stopped") == 2 * life, process);
            Assert.That(Kill(process), "the life was still running when it was killed");
            leftByTheDead = Lives();
            Assert.That(leftByTheDead, Has.Count.EqualTo(1), $"life {life} died holding claims");
        }

        var last = Start();
        await WaitForLogAsync(lines => lines.Count(line => line == "started") == Kills + 1, last);
        Assert.That(Lives().Intersect(leftByTheDead), Is.Empty, "the last life started with claims of the life killed before it");
        releases += leftByTheDead.Count;
        await WaitForLogAsync(lines => lines.Contains("done"), last);
        await last.WaitForExitAsync().WaitAsync(Patience);
        Assert.That(last.ExitCode, Is.Zero, await last.StandardError.ReadToEndAsync());

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        Assert.That(Query(connection, "PRAGMA integrity_check").Single()[0], Is.EqualTo("ok"));
        var stored = Query(connection, "SELECT run_id, attempts, collected_at IS NOT NULL, life IS NULL, (SELECT group_concat(handler, '+') FROM (SELECT handler FROM helodata_collector_finished_handlers f WHERE f.run_id = r.run_id ORDER BY handler)) FROM helodata_collector_runs r")
            .ToDictionary(row => (string)row[0], row => (Attempts: (long)row[1], Collected: (long)row[2] == 1, Unclaimed: (long)row[3] == 1, Finished: (string)row[4]));
        TestContext.Progress.WriteLine($"{releases} restarts released a dead life's claims; {stored.Values.Count(run => run.Attempts > 1)} runs claimed more than once");
        Assert.That(stored.Keys, Is.EquivalentTo(Enumerable.Range(0, Runs).Select(i => $"run_{i:000}")));
        Assert.That(stored.Values.Select(run => (run.Collected, run.Unclaimed, run.Finished)), Is.All.EqualTo((true, true, "first+second")), "collected, claimed by no one, every handler recorded");
        Assert.That(releases, Is.EqualTo(Kills), "every restart found the dead life's claims and released them");
        Assert.That(File.ReadLines(LogPath).Count(line => line.StartsWith("holding ", StringComparison.Ordinal) && line.EndsWith(" at complete", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(3), "kills with both handlers recorded and the run not completed");
        Assert.Multiple(() =>
        {
            foreach (var (run, record) in stored)
            {
                CheckAgainstTheLog(run, record.Attempts);
            }
        });
    }

    // What the lives logged about one run must agree with the store: each claim is the next attempt and says it may
    // have been handled exactly when an earlier one was (only a dead life leaves a claim unfinished here); it lists every
    // handler logged as finished before it and none that never started; no finished handler runs again.
    private void CheckAgainstTheLog(string run, long attempts)
    {
        var finished = new HashSet<string>();
        var started = new HashSet<string>();
        var lastAttempt = 0;
        foreach (var line in File.ReadLines(LogPath))
        {
            if (ClaimedLine().Match(line) is { Success: true } claim && claim.Groups["run"].Value == run)
            {
                var attempt = int.Parse(claim.Groups["attempt"].Value, CultureInfo.InvariantCulture);
                var listed = claim.Groups["finished"].Value.Split('+', StringSplitOptions.RemoveEmptyEntries);
                Assert.That(attempt, Is.GreaterThan(lastAttempt), $"{run}: attempts only grow");
                Assert.That(bool.Parse(claim.Groups["may"].Value), Is.EqualTo(attempt > 1), $"{run} attempt {attempt}: may have been handled");
                Assert.That(listed, Is.SupersetOf(finished).And.SubsetOf(started), $"{run} attempt {attempt}: finished handlers");
                lastAttempt = attempt;
            }
            else if (HandlerLine().Match(line) is { Success: true } step && step.Groups["run"].Value == run)
            {
                var handler = step.Groups["handler"].Value;
                Assert.That(step.Groups["step"].Value == "handling" && finished.Contains(handler), Is.False, $"{run}: {handler} ran again after it was recorded as finished");
                (step.Groups["step"].Value == "handling" ? started : finished).Add(handler);
            }
        }

        Assert.That(attempts, Is.EqualTo(lastAttempt), $"{run}: the store's attempts are the claims the lives made");
    }

    private Process Start(int holdAtClaim = 0, string holdAt = "")
    {
        var program = typeof(SqliteStoreKillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashStore").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add(DatabasePath);
        start.ArgumentList.Add(LogPath);
        start.ArgumentList.Add(Runs.ToString(CultureInfo.InvariantCulture));
        if (holdAtClaim > 0)
        {
            start.ArgumentList.Add(holdAtClaim.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(holdAt);
        }

        var process = Process.Start(start)!;
        _lives.Add(process);
        return process;
    }

    /// <summary>kill -9; false when the process had already ended by itself (having collected everything).</summary>
    private static bool Kill(Process process)
    {
        if (process.HasExited)
        {
            return false;
        }

        process.Kill();
        process.WaitForExit();
        return true;
    }

    private async Task WaitForLogAsync(Func<string[], bool> ready, Process process)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!ready(File.Exists(LogPath) ? await File.ReadAllLinesAsync(LogPath) : []))
        {
            if (process.HasExited && !ready(await File.ReadAllLinesAsync(LogPath)))
            {
                Assert.Fail($"The collector process exited ({process.ExitCode}) early.\n{await process.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>The life ids holding claims in the file now.</summary>
    private List<string> Lives()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return [.. Query(connection, "SELECT DISTINCT life FROM helodata_collector_runs WHERE life IS NOT NULL").Select(row => (string)row[0])];
    }

    private static List<object[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex(@"^claimed (?<run>run_\d+) attempt=(?<attempt>\d+) may=(?<may>True|False) finished=(?<finished>[\w+]*)$")]
    private static partial Regex ClaimedLine();

    [GeneratedRegex(@"^(?<step>handling|finished) (?<run>run_\d+) (?<handler>\w+)$")]
    private static partial Regex HandlerLine();
}
