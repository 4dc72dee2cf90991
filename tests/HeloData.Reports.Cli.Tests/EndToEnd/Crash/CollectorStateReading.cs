using Npgsql;

namespace HeloData.Reports.Cli.Tests.EndToEnd.Crash;

/// <summary>One gap as the PostgreSQL state holds it.</summary>
internal sealed record StateGap(string ReportId, DateOnly From, DateOnly To, string Status, string? BackfillRunId);

/// <summary>
/// What the collectors' shared PostgreSQL state says they did: the runs recorded collected, the gaps and what became of them,
/// and for each report the last pass that saw its schedule and judged by it (its checkpoint's <c>schedule_seen_at</c>).
/// </summary>
internal sealed record CollectorStateReading(IReadOnlyDictionary<string, string> Runs, IReadOnlyList<StateGap> Gaps, IReadOnlyDictionary<string, DateTimeOffset> ScheduleSeenAt)
{
    /// <summary>The runs recorded collected.</summary>
    public IReadOnlySet<string> Collected { get; } = Runs.Where(run => run.Value == "collected").Select(run => run.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The gaps not settled yet: missing, or with a backfill requested and not collected.</summary>
    public IEnumerable<StateGap> OpenGaps => Gaps.Where(gap => gap.Status is "missing" or "backfill_requested");

    public static async Task<CollectorStateReading> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT run_id, status, failed_at IS NOT NULL FROM helodata_collector.runs", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                runs[reader.GetString(0)] = reader.GetString(1) + (reader.GetBoolean(2) ? " (failed)" : "");
            }
        }

        var gaps = new List<StateGap>();
        await using (var command = new NpgsqlCommand("SELECT report_id, window_from, window_to, status, backfill_run_id FROM helodata_collector.gaps", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                gaps.Add(new StateGap(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT report_id, schedule_seen_at FROM helodata_collector.checkpoints WHERE schedule_seen_at IS NOT NULL", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }

        return new CollectorStateReading(runs, gaps, seen);
    }

    /// <summary>Every visible run collected and no gap open: nothing a further pass would do.</summary>
    public bool Converged(IEnumerable<LoggedRun> runs) => !OpenGaps.Any() && runs.Where(run => run.Visible).All(run => Collected.Contains(run.RunId));
}
