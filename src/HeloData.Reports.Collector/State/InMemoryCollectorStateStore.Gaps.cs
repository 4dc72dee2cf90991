namespace HeloData.Reports.Collector;

/// <summary>What the gap finder asks of the store: failed runs, covered windows, checkpoints, gaps and their backfills.</summary>
public sealed partial class InMemoryCollectorStateStore
{
    /// <inheritdoc />
    public Task<bool> RecordFailedRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        StoreArguments.Run(run);
        lock (_state.Gate)
        {
            var entry = Record(run);
            var first = !entry.Failed;
            entry.Failed = true;
            return Task.FromResult(first);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<(DateOnly From, DateOnly To)>> GetCoveredWindowsAsync(string reportId, DateOnly since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        lock (_state.Gate)
        {
            IReadOnlySet<(DateOnly, DateOnly)> covered = _state.Runs.Values
                .Where(run => run.ReportId == reportId && run.To >= since && run.CollectedAt is not null)
                .Select(run => (run.From, run.To))
                .ToHashSet();
            return Task.FromResult(covered);
        }
    }

    /// <inheritdoc />
    public Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        lock (_state.Gate)
        {
            return Task.FromResult(_state.Checkpoints.GetValueOrDefault(reportId));
        }
    }

    /// <inheritdoc />
    public Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        StoreArguments.Checkpoint(checkpoint);
        lock (_state.Gate)
        {
            var kept = StoreArguments.Kept(checkpoint);
            if (!_state.Checkpoints.TryGetValue(reportId, out var current) || StoreArguments.Replaces(kept, current))
            {
                _state.Checkpoints[reportId] = current = kept;
            }

            return Task.FromResult(current);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        lock (_state.Gate)
        {
            IReadOnlyList<RunRecord> runs = [.. _state.Runs
                .Where(run => run.Value.ReportId == reportId && run.Value.To >= since && run.Value.CollectedAt is null && !run.Value.Failed && run.Value.Attempts > 0)
                .Select(run => new RunRecord { RunId = run.Key, ReportId = reportId, From = run.Value.From, To = run.Value.To })];
            return Task.FromResult(runs);
        }
    }

    /// <inheritdoc />
    public Task<bool> RecordGapAsync(ReportGap gap, CancellationToken cancellationToken)
    {
        StoreArguments.Gap(gap);
        lock (_state.Gate)
        {
            var kept = gap with { DueAt = StoreArguments.Kept(gap.DueAt) };
            return Task.FromResult(_state.Gaps.TryAdd((gap.ReportId, gap.From, gap.To), new InMemoryCollectorState.GapEntry(kept)));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Lease(lease);
        var now = StoreArguments.Now(_time);
        lock (_state.Gate)
        {
            // Only a gap still missing is worth a request, and only when no live claim is held on it.
            if (_state.Gaps.GetValueOrDefault((reportId, from, to)) is not { Gap.Status: ReportGapStatus.Missing } gap
                || (gap.Life is not null && gap.LeaseUntil > now))
            {
                return Task.FromResult(false);
            }

            (gap.Owner, gap.Life, gap.LeaseUntil) = (InstanceName, _life, StoreArguments.LeaseEnd(now, lease));
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Lease(lease);
        var now = StoreArguments.Now(_time);
        lock (_state.Gate)
        {
            // This life's claim, lapsed or not, as long as nobody took it over and no run was recorded for the gap.
            if (_state.Gaps.GetValueOrDefault((reportId, from, to)) is not { Gap.Status: ReportGapStatus.Missing } gap || gap.Life != _life)
            {
                return Task.FromResult(false);
            }

            gap.LeaseUntil = StoreArguments.LeaseEnd(now, lease);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseBackfillAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        lock (_state.Gate)
        {
            if (_state.Gaps.GetValueOrDefault((reportId, from, to)) is { Gap.Status: ReportGapStatus.Missing } gap && gap.Life == _life)
            {
                (gap.Owner, gap.Life) = (null, null);
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task RecordBackfillAsync(string reportId, DateOnly from, DateOnly to, string runId, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        lock (_state.Gate)
        {
            // A gap already settled stays settled: its window was filled, or given up on.
            if (_state.Gaps.GetValueOrDefault((reportId, from, to)) is { Gap.Status: ReportGapStatus.Missing or ReportGapStatus.BackfillRequested } gap)
            {
                gap.Gap = gap.Gap with { Status = ReportGapStatus.BackfillRequested, BackfillRunId = runId };
                (gap.Owner, gap.Life) = (null, null);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SettleGapAsync(string reportId, DateOnly from, DateOnly to, ReportGapStatus status, CancellationToken cancellationToken)
    {
        StoreArguments.GapKey(reportId, from, to);
        StoreArguments.Settled(status);
        lock (_state.Gate)
        {
            // A window once filled stays filled: a failure learned later does not undo collected rows.
            if (_state.Gaps.GetValueOrDefault((reportId, from, to)) is { Gap.Status: not ReportGapStatus.Filled } gap)
            {
                gap.Gap = gap.Gap with { Status = status };
                (gap.Owner, gap.Life) = (null, null);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken) => Task.FromResult(Gaps(openOnly: false));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportGap>> GetOpenGapsAsync(CancellationToken cancellationToken) => Task.FromResult(Gaps(openOnly: true));

    private IReadOnlyList<ReportGap> Gaps(bool openOnly)
    {
        lock (_state.Gate)
        {
            return [.. _state.Gaps.Values.Select(gap => gap.Gap)
                .Where(gap => !openOnly || gap.Status is ReportGapStatus.Missing or ReportGapStatus.BackfillRequested)
                .OrderBy(gap => gap.DueAt).ThenBy(gap => gap.ReportId, StringComparer.Ordinal).ThenBy(gap => gap.From)];
        }
    }
}
