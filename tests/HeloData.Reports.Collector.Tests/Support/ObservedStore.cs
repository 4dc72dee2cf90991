namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>
/// A store that passes every call to another one, signals each renewal that reached it, and can play an instance
/// whose heartbeat no longer reaches the database (<see cref="Frozen"/>: renewals are dropped, answered as if made),
/// or whose database is unreachable (<see cref="Unreachable"/>: renewals throw, each signalled as it is tried;
/// <see cref="RecordsFail"/>: recording a handler's return throws).
/// </summary>
internal sealed class ObservedStore(ICollectorStateStore inner) : ICollectorStateStore
{
    private readonly SemaphoreSlim _renewed = new(0);

    public volatile bool Frozen;

    public volatile bool Unreachable;

    public volatile bool RecordsFail;

    /// <summary>Waits for the next renewal that reached the store (a generous real-time bound, for a broken heartbeat).</summary>
    public async Task WaitForRenewalAsync()
    {
        if (!await _renewed.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The heartbeat did not renew the claim.");
        }
    }

    public async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (Frozen)
        {
            return true;
        }

        if (Unreachable)
        {
            _renewed.Release();
            throw new IOException("The state store is unreachable.");
        }

        var renewed = await inner.RenewAsync(runId, lease, cancellationToken);
        _renewed.Release();
        return renewed;
    }

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public Task<IReadOnlySet<string>> FindSettledAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken) => inner.FindSettledAsync(runIds, cancellationToken);

    public Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken) => inner.TryClaimAsync(run, lease, cancellationToken);

    public Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken) =>
        RecordsFail ? throw new IOException("The state store is unreachable.") : inner.RecordHandlerFinishedAsync(runId, handlerName, cancellationToken);

    public Task<bool> CompleteAsync(string runId, CancellationToken cancellationToken) => inner.CompleteAsync(runId, cancellationToken);

    public Task ReleaseAsync(string runId, CancellationToken cancellationToken) => inner.ReleaseAsync(runId, cancellationToken);

    public Task<bool> RecordFailedRunAsync(RunRecord run, CancellationToken cancellationToken) => inner.RecordFailedRunAsync(run, cancellationToken);

    public Task<IReadOnlySet<(DateOnly From, DateOnly To)>> GetCoveredWindowsAsync(string reportId, DateOnly since, CancellationToken cancellationToken) => inner.GetCoveredWindowsAsync(reportId, since, cancellationToken);

    public Task<DateTimeOffset?> GetCheckpointAsync(string reportId, CancellationToken cancellationToken) => inner.GetCheckpointAsync(reportId, cancellationToken);

    public Task<DateTimeOffset> AdvanceCheckpointAsync(string reportId, DateTimeOffset checkpoint, CancellationToken cancellationToken) => inner.AdvanceCheckpointAsync(reportId, checkpoint, cancellationToken);

    public Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken) => inner.GetReportCheckpointAsync(reportId, cancellationToken);

    public Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken) => inner.AdvanceCheckpointAsync(reportId, checkpoint, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken) => inner.GetUncollectedRunsAsync(reportId, since, cancellationToken);

    public Task<bool> RecordGapAsync(ReportGap gap, CancellationToken cancellationToken) => inner.RecordGapAsync(gap, cancellationToken);

    public Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken) => inner.TryClaimBackfillAsync(reportId, from, to, lease, cancellationToken);

    public Task RecordBackfillAsync(string reportId, DateOnly from, DateOnly to, string runId, CancellationToken cancellationToken) => inner.RecordBackfillAsync(reportId, from, to, runId, cancellationToken);

    public Task SettleGapAsync(string reportId, DateOnly from, DateOnly to, ReportGapStatus status, CancellationToken cancellationToken) => inner.SettleGapAsync(reportId, from, to, status, cancellationToken);

    public Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken) => inner.GetGapsAsync(cancellationToken);
}
