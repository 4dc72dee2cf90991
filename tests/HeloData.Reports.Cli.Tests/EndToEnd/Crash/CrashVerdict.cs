using System.Text;
using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>What the crash test checks once every collector is done, against the sandbox's own runs and artifacts.</summary>
internal static class CrashVerdict
{
    /// <summary>
    /// One file per visible run (completed, not hidden: scheduled, or a backfill), named {report}/{from}_{to}_{run}.csv,
    /// holding its artifact; and nothing else (no hidden run's, no partial or temporary file).
    /// </summary>
    public static async Task AssertEveryRunInTheFolderOnceAsync(ReportsClient client, string outFolder, IReadOnlyList<LoggedRun> visible)
    {
        var expected = visible.ToDictionary(run => Path.Combine(outFolder, run.ReportId, $"{run.From:yyyy-MM-dd}_{run.To:yyyy-MM-dd}_{run.RunId}.csv"));
        var written = Directory.GetFiles(outFolder, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
        Assert.That(expected.Keys.Where(path => !written.Contains(path)), Is.Empty, "visible runs with no file");
        Assert.That(written.Where(path => !expected.ContainsKey(path)), Is.Empty, "files that are no visible run's (a hidden run's, a partial or temporary file left behind)");
        foreach (var (path, run) in expected.Where(file => written.Contains(file.Key)))
        {
            Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(await ArtifactAsync(client, run.RunId)), path);
        }
    }

    /// <summary>
    /// Each report's window in the tables once: the rows of exactly one of the window's visible runs (several occurrences
    /// of an hourly schedule, and a backfill, share one window; a later run replaces an earlier one's rows), as many rows
    /// as its csv and the same sums; no window missing, none extra.
    /// </summary>
    public static async Task AssertEveryWindowInTheTablesOnceAsync(ReportsClient client, string connectionString, IReadOnlyList<LoggedRun> visible, int types)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await LoadedTables.ListAsync(connection);
        Assert.That(tables, Has.Count.EqualTo(types), "one table per report type");
        var loaded = new List<LoadedWindow>();
        foreach (var table in tables)
        {
            loaded.AddRange(await LoadedTables.WindowsAsync(connection, table));
        }

        var windows = visible.GroupBy(run => (run.ReportId, run.From, run.To)).ToDictionary(window => window.Key, window => window.Select(run => run.RunId).ToHashSet());
        var keys = loaded.Select(window => (window.ReportId, window.From, window.To)).ToHashSet();
        Assert.That(windows.Keys.Where(key => !keys.Contains(key)), Is.Empty, "windows of visible runs with no rows in the tables");
        Assert.That(keys.Where(key => !windows.ContainsKey(key)), Is.Empty, "windows in the tables that no visible run covers");
        var compared = 0;
        foreach (var window in loaded)
        {
            Assert.That(window.RunIds, Has.Count.EqualTo(1), $"{window.ReportId} {window.From}..{window.To} holds the rows of one run only");
            var runId = window.RunIds[0];
            Assert.That(windows.GetValueOrDefault((window.ReportId, window.From, window.To)), Does.Contain(runId), "the rows are those of a visible run of that window");
            var csv = CsvTotals.Of(await ArtifactAsync(client, runId));
            Assert.That(window.Rows, Is.EqualTo(csv.Rows), $"{runId}: the rows of its csv, once");
            var columns = (await LoadedTables.NumericColumnsAsync(connection, window.Table)).Where(csv.Sums.ContainsKey).ToList();
            var sums = await LoadedTables.SumsAsync(connection, window.Table, runId, columns);
            foreach (var column in columns)
            {
                Assert.That(sums[column], Is.EqualTo(csv.Sums[column]).Within(1e-6m * Math.Max(1m, Math.Abs(csv.Sums[column]))), $"{runId}: sum of {column}");
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(loaded.Count), "sums compared for every window, on the columns the tables and the csv share");
    }

    /// <summary>
    /// The PostgreSQL state records every visible run as collected. One that is not is told with what the state holds
    /// of it and how many visible runs of its report came after it (10 or more: it left recent_runs, the only list).
    /// </summary>
    public static void AssertEveryRunRecordedCollected(CollectorStateReading state, IReadOnlyList<LoggedRun> visible) =>
        Assert.That(
            visible.Where(run => !state.Collected.Contains(run.RunId))
                .Select(run => $"{run.RunId} of {run.ReportId} {run.From:yyyy-MM-dd} created {run.CreatedAt:O}: state {state.Runs.GetValueOrDefault(run.RunId) ?? "none"}, "
                    + $"{visible.Count(later => later.ReportId == run.ReportId && later.CreatedAt > run.CreatedAt)} visible runs of its report after it"),
            Is.Empty,
            "every visible run recorded as collected");

    /// <summary>
    /// Each hidden or failed scheduled run whose occurrence its report's last checkpoint passed (so a collector judged
    /// it) has its window covered by a visible run, which the checks above prove collected: another occurrence's of the
    /// same window, or else a backfill. And every gap the state recorded ended filled.
    /// </summary>
    public static void AssertEveryJudgedGapFilled(IReadOnlyList<LoggedRun> runs, IReadOnlyDictionary<string, DateTimeOffset> checkpoints, CollectorStateReading state)
    {
        var covered = runs.Where(run => run.Visible).Select(run => (run.ReportId, run.From, run.To)).ToHashSet();
        var judged = runs.Where(run => run.Scheduled && (run.Hidden || run.FinalStatus == "failed")
            && checkpoints.TryGetValue(run.ReportId, out var checkpoint) && run.CreatedAt <= checkpoint);
        Assert.That(judged.Where(run => !covered.Contains((run.ReportId, run.From, run.To))), Is.Empty, "hidden or failed scheduled runs judged whose window no visible run covers");
        Assert.That(state.Gaps.Where(gap => gap.Status != "filled"), Is.Empty, "every gap the collectors found was filled");
    }

    private static async Task<string> ArtifactAsync(ReportsClient client, string runId)
    {
        using var artifact = new MemoryStream();
        await client.DownloadAsync(await client.GetRunAsync(runId), artifact);
        return Encoding.UTF8.GetString(artifact.ToArray());
    }
}
