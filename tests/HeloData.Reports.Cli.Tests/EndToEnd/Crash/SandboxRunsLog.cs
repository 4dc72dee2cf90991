using System.Text.Json.Nodes;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>
/// One run as the sandbox's <c>--runs-log</c> tells it: which runs exist, how each ended, whether a schedule made it (its
/// <see cref="CreatedAt"/> is then its occurrence) and whether <c>--hide-runs</c> kept it out of every list.
/// </summary>
internal sealed record LoggedRun(string RunId, string ReportId, DateOnly From, DateOnly To, string? FinalStatus, bool Scheduled, bool Hidden, DateTimeOffset CreatedAt)
{
    /// <summary>Completed and in <c>recent_runs</c>: a run a collector can find, so one it must collect.</summary>
    public bool Visible => FinalStatus == "completed" && !Hidden;
}

/// <summary>Reads the sandbox's <c>--runs-log</c>: a "created" line per run, and a "finished" line once it ended.</summary>
internal static class SandboxRunsLog
{
    public static IReadOnlyList<LoggedRun> Read(string path)
    {
        var runs = new Dictionary<string, LoggedRun>(StringComparer.Ordinal);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            // The sandbox may be writing the last line right now: a line without its end is not read yet.
            if (line.Length == 0 || !line.EndsWith('}'))
            {
                continue;
            }

            var entry = JsonNode.Parse(line)!;
            var id = entry["run_id"]!.GetValue<string>();
            var finished = entry["event"]!.GetValue<string>() == "finished";
            runs[id] = new LoggedRun(
                id,
                entry["report_id"]!.GetValue<string>(),
                DateOnly.Parse(entry["from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(entry["to"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                finished ? entry["status"]!.GetValue<string>() : runs.GetValueOrDefault(id)?.FinalStatus,
                entry["scheduled"]!.GetValue<bool>(),
                entry["hidden"]!.GetValue<bool>(),
                DateTimeOffset.Parse(entry["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. runs.Values];
    }
}
