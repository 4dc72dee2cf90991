using Microsoft.Data.Sqlite;

namespace HeloData.Reports.Collector;

/// <summary>Checkpoints with the schedule they were judged by, and the runs a door claimed but did not collect.</summary>
public sealed partial class SqliteCollectorStateStore
{
    private const string CheckpointColumns = "checkpoint, schedule, schedule_seen_at";

    /// <inheritdoc />
    public Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        return _writer.RunAsync(connection => ReadCheckpoint(connection, reportId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        StoreArguments.Checkpoint(checkpoint);
        var kept = StoreArguments.Kept(checkpoint);
        return _writer.RunAsync(
            connection =>
            {
                // Read and written in one call on the single writer: StoreArguments.Replaces decides, as in every store.
                if (ReadCheckpoint(connection, reportId) is { } current && !StoreArguments.Replaces(kept, current))
                {
                    return current;
                }

                SqliteCommands.Execute(
                    connection,
                    $"""
                    INSERT INTO helodata_collector_checkpoints (report_id, {CheckpointColumns}) VALUES ($report, $checkpoint, $schedule, $seen)
                    ON CONFLICT (report_id) DO UPDATE SET checkpoint = $checkpoint, schedule = $schedule, schedule_seen_at = $seen
                    """,
                    ("$report", reportId),
                    ("$checkpoint", kept.At.ToUnixTimeMilliseconds()),
                    ("$schedule", kept.Schedule),
                    ("$seen", kept.ScheduleSeenAt?.ToUnixTimeMilliseconds()));
                return kept;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        return _writer.RunAsync<IReadOnlyList<RunRecord>>(
            connection =>
            {
                using var command = SqliteCommands.Command(
                    connection,
                    """
                    SELECT run_id, window_from, window_to FROM helodata_collector_runs
                    WHERE report_id = $report AND window_to >= $since AND collected_at IS NULL AND failed = 0 AND attempts > 0
                    """,
                    ("$report", reportId),
                    ("$since", Day(since)));
                using var rows = command.ExecuteReader();
                var runs = new List<RunRecord>();
                while (rows.Read())
                {
                    runs.Add(new RunRecord { RunId = rows.GetString(0), ReportId = reportId, From = Day(rows.GetString(1)), To = Day(rows.GetString(2)) });
                }

                return runs;
            },
            cancellationToken);
    }

    private static ReportCheckpoint? ReadCheckpoint(SqliteConnection connection, string reportId)
    {
        using var command = SqliteCommands.Command(connection, $"SELECT {CheckpointColumns} FROM helodata_collector_checkpoints WHERE report_id = $report", ("$report", reportId));
        using var row = command.ExecuteReader();
        return !row.Read() ? null : new ReportCheckpoint
        {
            At = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(0)),
            Schedule = row.IsDBNull(1) ? null : row.GetString(1),
            ScheduleSeenAt = row.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2)),
        };
    }
}
