using HeloData.Reports.Collector;

namespace HeloData.Reports.PostgreSql;

/// <summary>What the gap finder asks of the store: failed runs, covered windows, checkpoints, gaps and their backfills.</summary>
public sealed partial class PostgreSqlCollectorStateStore
{
    private const string GapKey = "report_id = $1 AND window_from = $2 AND window_to = $3";

    /// <inheritdoc />
    public async Task<bool> RecordFailedRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        StoreArguments.Run(run);
        const string sql = """
            INSERT INTO {schema}.runs AS r (run_id, report_id, window_from, window_to, status, failed_at, first_seen_at)
            VALUES ($1, $2, $3, $4, 'idle', $5, $5)
            ON CONFLICT (run_id) DO UPDATE SET failed_at = $5 WHERE r.failed_at IS NULL
            """;
        return await ExecuteAsync(sql, cancellationToken, run.RunId, run.ReportId, run.From, run.To, StoreArguments.Now(_time)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<(DateOnly From, DateOnly To)>> GetCoveredWindowsAsync(string reportId, DateOnly since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        const string sql = """
            SELECT DISTINCT window_from, window_to FROM {schema}.runs
            WHERE report_id = $1 AND window_to >= $2 AND status = 'collected'
            """;
        await using var command = Command(sql, reportId, since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var covered = new HashSet<(DateOnly, DateOnly)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            covered.Add((reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return covered;
    }

    /// <inheritdoc />
    public async Task<bool> RecordGapAsync(ReportGap gap, CancellationToken cancellationToken)
    {
        StoreArguments.Gap(gap);
        const string sql = """
            INSERT INTO {schema}.gaps (report_id, window_from, window_to, due_at, status, failed_run_id, recorded_at)
            VALUES ($1, $2, $3, $4, 'missing', $5, $6)
            ON CONFLICT (report_id, window_from, window_to) DO NOTHING
            """;
        return await ExecuteAsync(sql, cancellationToken, gap.ReportId, gap.From, gap.To, StoreArguments.Kept(gap.DueAt), gap.FailedRunId, StoreArguments.Now(_time)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Lease(lease);
        var now = StoreArguments.Now(_time);
        var sql = $$"""
            UPDATE {schema}.gaps SET claim_instance = $4, claim_life = $5, claim_until = $7
            WHERE {{GapKey}} AND status = 'missing' AND (claim_until IS NULL OR claim_until <= $6)
            """;
        return await ExecuteAsync(sql, cancellationToken, reportId, from, to, InstanceName, Life, now, StoreArguments.LeaseEnd(now, lease)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RenewBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Lease(lease);
        if (!await InstanceSessionHeldAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // This life's claim, lapsed or not, as long as nobody took it over and no run was recorded for the gap.
        var sql = $"UPDATE {{schema}}.gaps SET claim_until = $5 WHERE {GapKey} AND status = 'missing' AND claim_life = $4";
        return await ExecuteAsync(sql, cancellationToken, reportId, from, to, Life, StoreArguments.LeaseEnd(StoreArguments.Now(_time), lease)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task ReleaseBackfillAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        var sql = $"UPDATE {{schema}}.gaps SET claim_instance = NULL, claim_life = NULL, claim_until = NULL WHERE {GapKey} AND status = 'missing' AND claim_life = $4";
        await ExecuteAsync(sql, cancellationToken, reportId, from, to, Life).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>A gap already settled stays settled.</remarks>
    public Task RecordBackfillAsync(string reportId, DateOnly from, DateOnly to, string runId, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var sql = $$"""
            UPDATE {schema}.gaps SET status = 'backfill_requested', backfill_run_id = $4, claim_instance = NULL, claim_life = NULL, claim_until = NULL
            WHERE {{GapKey}} AND status IN ('missing', 'backfill_requested')
            """;
        return ExecuteAsync(sql, cancellationToken, reportId, from, to, runId);
    }

    /// <inheritdoc />
    /// <remarks>A window once filled stays filled: a failure learned later does not undo collected rows.</remarks>
    public Task SettleGapAsync(string reportId, DateOnly from, DateOnly to, ReportGapStatus status, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Settled(status);
        var sql = $$"""
            UPDATE {schema}.gaps SET status = $4, claim_instance = NULL, claim_life = NULL, claim_until = NULL
            WHERE {{GapKey}} AND status <> 'filled'
            """;
        return ExecuteAsync(sql, cancellationToken, reportId, from, to, GapStatuses.ToSql(status));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken) => GapsAsync(openOnly: false, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportGap>> GetOpenGapsAsync(CancellationToken cancellationToken) => GapsAsync(openOnly: true, cancellationToken);

    private async Task<IReadOnlyList<ReportGap>> GapsAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var sql = $$"""
            SELECT report_id, window_from, window_to, due_at, status, failed_run_id, backfill_run_id FROM {schema}.gaps
            {{(openOnly ? "WHERE status IN ('missing', 'backfill_requested')" : "")}}
            ORDER BY due_at, report_id COLLATE "C", window_from
            """;
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var gaps = new List<ReportGap>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            gaps.Add(new ReportGap
            {
                ReportId = reader.GetString(0),
                From = reader.GetFieldValue<DateOnly>(1),
                To = reader.GetFieldValue<DateOnly>(2),
                DueAt = reader.GetFieldValue<DateTimeOffset>(3),
                Status = GapStatuses.FromSql(reader.GetString(4)),
                FailedRunId = reader.IsDBNull(5) ? null : reader.GetString(5),
                BackfillRunId = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return gaps;
    }
}
