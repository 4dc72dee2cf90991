namespace HeloData.Reports.Collector;

/// <summary>What the gap finder asks of the store: failed runs, covered windows, checkpoints, gaps and their backfills.</summary>
public sealed partial class SqliteCollectorStateStore
{
    private static readonly string OpenGaps = $"WHERE status IN ({(int)ReportGapStatus.Missing}, {(int)ReportGapStatus.BackfillRequested})";

    /// <inheritdoc />
    public async Task<bool> RecordFailedRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        StoreArguments.Run(run);
        return await ExecuteAsync(
            """
            INSERT INTO helodata_collector_runs (run_id, report_id, window_from, window_to, failed) VALUES ($run, $report, $from, $to, 1)
            ON CONFLICT (run_id) DO UPDATE SET failed = 1, report_id = coalesce(report_id, $report), window_from = coalesce(window_from, $from), window_to = coalesce(window_to, $to)
            WHERE failed = 0
            """,
            Parameters(("$run", run.RunId), ("$report", run.ReportId), ("$from", Day(run.From)), ("$to", Day(run.To))),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<(DateOnly From, DateOnly To)>> GetCoveredWindowsAsync(string reportId, DateOnly since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        return _writer.RunAsync<IReadOnlySet<(DateOnly, DateOnly)>>(
            connection =>
            {
                using var command = SqliteCommands.Command(
                    connection,
                    """
                    SELECT DISTINCT window_from, window_to FROM helodata_collector_runs
                    WHERE report_id = $report AND window_to >= $since AND collected_at IS NOT NULL
                    """,
                    Parameters(("$report", reportId), ("$since", Day(since))));
                using var rows = command.ExecuteReader();
                var covered = new HashSet<(DateOnly, DateOnly)>();
                while (rows.Read())
                {
                    covered.Add((Day(rows.GetString(0)), Day(rows.GetString(1))));
                }

                return covered;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RecordGapAsync(ReportGap gap, CancellationToken cancellationToken)
    {
        StoreArguments.Gap(gap);
        return await ExecuteAsync(
            """
            INSERT INTO helodata_collector_gaps (report_id, window_from, window_to, due_at, status, failed_run_id) VALUES ($report, $from, $to, $due, $status, $failed)
            ON CONFLICT DO NOTHING
            """,
            GapKey(gap.ReportId, gap.From, gap.To, ("$due", gap.DueAt.ToUnixTimeMilliseconds()), ("$status", (int)gap.Status), ("$failed", gap.FailedRunId)),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Lease(lease);

        // Only a gap still missing is worth a request, and only when no live claim is held on it.
        return await UpdateGapAsync(
            "owner = $owner, life = $life, lease_until = $until",
            "status = $missing AND (life IS NULL OR lease_until <= $now)",
            GapKey(reportId, from, to, ("$owner", InstanceName), ("$until", Until(lease)), ("$missing", (int)ReportGapStatus.Missing)),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RenewBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Lease(lease);

        // This life's claim, lapsed or not, as long as nobody took it over and no run was recorded for the gap.
        return await UpdateGapAsync(
            "lease_until = $until",
            "status = $missing AND life = $life",
            GapKey(reportId, from, to, ("$until", Until(lease)), ("$missing", (int)ReportGapStatus.Missing)),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task ReleaseBackfillAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        await UpdateGapAsync(
            "owner = NULL, life = NULL, lease_until = NULL",
            "status = $missing AND life = $life",
            GapKey(reportId, from, to, ("$missing", (int)ReportGapStatus.Missing)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task RecordBackfillAsync(string reportId, DateOnly from, DateOnly to, string runId, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return UpdateGapAsync(
            "status = $status, backfill_run_id = $run, owner = NULL, life = NULL, lease_until = NULL",
            "status IN ($missing, $status)", // a gap already settled stays settled
            GapKey(reportId, from, to, ("$status", (int)ReportGapStatus.BackfillRequested), ("$run", runId), ("$missing", (int)ReportGapStatus.Missing)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SettleGapAsync(string reportId, DateOnly from, DateOnly to, ReportGapStatus status, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Settled(status);

        // A window once filled stays filled: a failure learned later does not undo collected rows.
        return UpdateGapAsync(
            "status = $status, owner = NULL, life = NULL, lease_until = NULL",
            "status <> $filled",
            GapKey(reportId, from, to, ("$status", (int)status), ("$filled", (int)ReportGapStatus.Filled)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken) => GapsAsync(openOnly: false, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportGap>> GetOpenGapsAsync(CancellationToken cancellationToken) => GapsAsync(openOnly: true, cancellationToken);

    private Task<IReadOnlyList<ReportGap>> GapsAsync(bool openOnly, CancellationToken cancellationToken) =>
        _writer.RunAsync<IReadOnlyList<ReportGap>>(
            connection =>
            {
                using var command = SqliteCommands.Command(
                    connection,
                    $"SELECT report_id, window_from, window_to, due_at, status, failed_run_id, backfill_run_id FROM helodata_collector_gaps {(openOnly ? OpenGaps : "")} ORDER BY due_at, report_id, window_from");
                using var rows = command.ExecuteReader();
                var gaps = new List<ReportGap>();
                while (rows.Read())
                {
                    gaps.Add(new ReportGap
                    {
                        ReportId = rows.GetString(0),
                        From = Day(rows.GetString(1)),
                        To = Day(rows.GetString(2)),
                        DueAt = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(3)),
                        Status = (ReportGapStatus)rows.GetInt32(4),
                        FailedRunId = rows.IsDBNull(5) ? null : rows.GetString(5),
                        BackfillRunId = rows.IsDBNull(6) ? null : rows.GetString(6),
                    });
                }

                return gaps;
            },
            cancellationToken);

    private Task<int> UpdateGapAsync(string set, string condition, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"UPDATE helodata_collector_gaps SET {set} WHERE report_id = $report AND window_from = $from AND window_to = $to AND {condition}",
            parameters,
            cancellationToken);

    private (string Name, object? Value)[] GapKey(string reportId, DateOnly from, DateOnly to, params (string Name, object? Value)[] more) =>
        Parameters([("$report", reportId), ("$from", Day(from)), ("$to", Day(to)), .. more]);
}
