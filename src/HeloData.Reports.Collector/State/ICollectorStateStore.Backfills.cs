namespace HeloData.Reports.Collector;

// The backfill claim: one owner at a time requests the on-demand run that fills a gap.
public partial interface ICollectorStateStore
{
    /// <summary>
    /// Claims the right to request the on-demand run that fills a gap: only one owner gets it while its lease
    /// holds, and none once a run id is recorded for it (<see cref="RecordBackfillAsync"/>) or the gap is settled.
    /// </summary>
    /// <param name="reportId">The gap's report.</param>
    /// <param name="from">The gap's first day.</param>
    /// <param name="to">The gap's last day.</param>
    /// <param name="lease">How long the claim holds: if the requester dies before recording a run id, another may request after it.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="true"/> when the caller may request the run now.</returns>
    Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the caller's backfill claim on a gap: the heartbeat while its run is requested (a request can wait out a long <c>Retry-After</c>).</summary>
    /// <param name="reportId">The gap's report.</param>
    /// <param name="from">The gap's first day.</param>
    /// <param name="to">The gap's last day.</param>
    /// <param name="lease">How long from now the claim holds.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="false"/> when the claim is no longer the caller's (it lapsed and was taken over, a run id was recorded, or the gap was settled).</returns>
    Task<bool> RenewBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up the caller's backfill claim on a gap when its request was stopped before the service answered, so
    /// any owner may claim it at once rather than after the lease. A claim no longer the caller's is left as it is.
    /// </summary>
    /// <param name="reportId">The gap's report.</param>
    /// <param name="from">The gap's first day.</param>
    /// <param name="to">The gap's last day.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the release is durable.</returns>
    Task ReleaseBackfillAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
