using System.Text;
using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>What the crash test checks once every collector is done, against the sandbox's own runs and artifacts.</summary>
internal static class CrashVerdict
{
    /// <summary>One file per completed run, named {report}/{from}_{to}_{run}.csv, holding its artifact; and nothing else (no partial or temporary file).</summary>
    public static async Task AssertEveryRunInTheFolderOnceAsync(ReportsClient client, string outFolder, IReadOnlyList<LoggedRun> completed)
    {
        var expected = completed.ToDictionary(run => Path.Combine(outFolder, run.ReportId, $"{run.From:yyyy-MM-dd}_{run.To:yyyy-MM-dd}_{run.RunId}.csv"));
        var written = Directory.GetFiles(outFolder, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
        Assert.That(expected.Keys.Where(path => !written.Contains(path)), Is.Empty, "completed runs with no file");
        Assert.That(written.Where(path => !expected.ContainsKey(path)), Is.Empty, "files that are no completed run's (a partial or temporary file left behind)");
        foreach (var (path, run) in expected.Where(file => written.Contains(file.Key)))
        {
            Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(await ArtifactAsync(client, run.RunId)), path);
        }
    }

    /// <summary>
    /// Each report's window in the tables once: the rows of exactly one of the window's completed runs (a later run of
    /// the same window replaces an earlier one's), as many rows as its csv and the same sums; no window missing, none extra.
    /// </summary>
    public static async Task AssertEveryWindowInTheTablesOnceAsync(ReportsClient client, string connectionString, IReadOnlyList<LoggedRun> completed, int types)
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

        var windows = completed.GroupBy(run => (run.ReportId, run.From, run.To)).ToDictionary(window => window.Key, window => window.Select(run => run.RunId).ToHashSet());
        var keys = loaded.Select(window => (window.ReportId, window.From, window.To)).ToHashSet();
        Assert.That(windows.Keys.Where(key => !keys.Contains(key)), Is.Empty, "windows of completed runs with no rows in the tables");
        Assert.That(keys.Where(key => !windows.ContainsKey(key)), Is.Empty, "windows in the tables that no completed run covers");
        var compared = 0;
        foreach (var window in loaded)
        {
            Assert.That(window.RunIds, Has.Count.EqualTo(1), $"{window.ReportId} {window.From}..{window.To} holds the rows of one run only");
            var runId = window.RunIds[0];
            Assert.That(windows.GetValueOrDefault((window.ReportId, window.From, window.To)), Does.Contain(runId), "the rows are those of a completed run of that window");
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

    /// <summary>The PostgreSQL state records every completed run as collected.</summary>
    public static async Task AssertEveryRunRecordedCollectedAsync(string connectionString, IReadOnlyList<LoggedRun> completed)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT run_id FROM helodata_collector.runs WHERE status = 'collected'", connection);
        var collected = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                collected.Add(reader.GetString(0));
            }
        }

        Assert.That(completed.Select(run => run.RunId).Where(id => !collected.Contains(id)), Is.Empty, "every completed run recorded as collected");
    }

    private static async Task<string> ArtifactAsync(ReportsClient client, string runId)
    {
        using var artifact = new MemoryStream();
        await client.DownloadAsync(await client.GetRunAsync(runId), artifact);
        return Encoding.UTF8.GetString(artifact.ToArray());
    }
}
