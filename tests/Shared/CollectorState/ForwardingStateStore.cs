using HeloData.Reports.Collector;

namespace HeloData.Reports.TestSupport;

/// <summary>A state store that passes every call to another: a test overrides the calls it watches or breaks (the collector's tests and the receiver's).</summary>
internal class ForwardingStateStore(ICollectorStateStore inner) : ICollectorStateStore, IAsyncDisposable
{
    protected ICollectorStateStore Inner => inner;

    public virtual Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public virtual Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken) => inner.TryClaimAsync(run, lease, cancellationToken);

    public virtual Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken) => inner.RenewAsync(runId, lease, cancellationToken);

    public virtual Task<IReadOnlySet<string>> FindSettledAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken) => inner.FindSettledAsync(runIds, cancellationToken);

    public virtual Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken) => inner.RecordHandlerFinishedAsync(runId, handlerName, cancellationToken);

    public virtual Task<bool> CompleteAsync(string runId, CancellationToken cancellationToken) => inner.CompleteAsync(runId, cancellationToken);

    public virtual Task ReleaseAsync(string runId, CancellationToken cancellationToken) => inner.ReleaseAsync(runId, cancellationToken);

    public virtual Task<bool> RecordFailedRunAsync(RunRecord run, CancellationToken cancellationToken) => inner.RecordFailedRunAsync(run, cancellationToken);

    public virtual Task<IReadOnlySet<(DateOnly From, DateOnly To)>> GetCoveredWindowsAsync(string reportId, DateOnly since, CancellationToken cancellationToken) => inner.GetCoveredWindowsAsync(reportId, since, cancellationToken);

    public virtual Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken) => inner.GetReportCheckpointAsync(reportId, cancellationToken);

    public virtual Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken) => inner.AdvanceCheckpointAsync(reportId, checkpoint, cancellationToken);

    public virtual Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken) => inner.GetUncollectedRunsAsync(reportId, since, cancellationToken);

    public virtual Task<bool> RecordGapAsync(ReportGap gap, CancellationToken cancellationToken) => inner.RecordGapAsync(gap, cancellationToken);

    public virtual Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken) => inner.TryClaimBackfillAsync(reportId, from, to, lease, cancellationToken);

    public virtual Task<bool> RenewBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken) => inner.RenewBackfillAsync(reportId, from, to, lease, cancellationToken);

    public virtual Task ReleaseBackfillAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken) => inner.ReleaseBackfillAsync(reportId, from, to, cancellationToken);

    public virtual Task RecordBackfillAsync(string reportId, DateOnly from, DateOnly to, string runId, CancellationToken cancellationToken) => inner.RecordBackfillAsync(reportId, from, to, runId, cancellationToken);

    public virtual Task SettleGapAsync(string reportId, DateOnly from, DateOnly to, ReportGapStatus status, CancellationToken cancellationToken) => inner.SettleGapAsync(reportId, from, to, status, cancellationToken);

    public virtual Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken) => inner.GetGapsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
