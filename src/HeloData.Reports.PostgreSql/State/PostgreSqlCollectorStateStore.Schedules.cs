using HeloData.Reports.Collector;
using Npgsql;

namespace HeloData.Reports.PostgreSql;

/// <summary>Checkpoints with the schedule they were judged by, and the runs a door claimed but did not collect.</summary>
public sealed partial class PostgreSqlCollectorStateStore
{
    /// <inheritdoc />
    public async Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        await using var command = Command("SELECT checkpoint, schedule, schedule_seen_at FROM {schema}.checkpoints WHERE report_id = $1", reportId);
        return await ReadCheckpointAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        StoreArguments.Checkpoint(checkpoint);
        var kept = StoreArguments.Kept(checkpoint);

        // The condition is StoreArguments.Replaces, in SQL: one statement, so instances writing at once cannot interleave.
        const string sql = """
            INSERT INTO {schema}.checkpoints AS c (report_id, checkpoint, schedule, schedule_seen_at, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (report_id) DO UPDATE
            SET checkpoint = EXCLUDED.checkpoint, schedule = EXCLUDED.schedule, schedule_seen_at = EXCLUDED.schedule_seen_at, updated_at = EXCLUDED.updated_at
            WHERE EXCLUDED.checkpoint > c.checkpoint
               OR (EXCLUDED.checkpoint = c.checkpoint AND EXCLUDED.schedule_seen_at > coalesce(c.schedule_seen_at, '-infinity'::timestamptz))
            RETURNING c.checkpoint, c.schedule, c.schedule_seen_at
            """;
        await using (var command = Command(sql, reportId, kept.At, kept.Schedule, kept.ScheduleSeenAt, StoreArguments.Now(_time)))
        {
            if (await ReadCheckpointAsync(command, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return written;
            }
        }

        // Not replaced: the stored one is later (or as late and seen later), and stays.
        return (await GetReportCheckpointAsync(reportId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        const string sql = """
            SELECT run_id, window_from, window_to FROM {schema}.runs
            WHERE report_id = $1 AND window_to >= $2 AND status <> 'collected' AND failed_at IS NULL AND attempts > 0
            """;
        await using var command = Command(sql, reportId, since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new RunRecord { RunId = reader.GetString(0), ReportId = reportId, From = reader.GetFieldValue<DateOnly>(1), To = reader.GetFieldValue<DateOnly>(2) });
        }

        return runs;
    }

    private static async Task<ReportCheckpoint?> ReadCheckpointAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return !await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? null : new ReportCheckpoint
        {
            At = reader.GetFieldValue<DateTimeOffset>(0),
            Schedule = reader.IsDBNull(1) ? null : reader.GetString(1),
            ScheduleSeenAt = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
        };
    }
}
