namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The record of runs whose deliveries were handled, so each run is handed to the application once
/// however often it is redelivered. The default is <see cref="SqliteReportDeliveryStore"/>, durable
/// across restarts; <see cref="InMemoryReportDeliveryStore"/> is for tests. Register another
/// implementation (a database table shared by several instances, say) before or after
/// <c>AddHeloReportsWebhooks</c> to replace it.
/// </summary>
/// <remarks>
/// A claim is a lease: a receiver that dies while handling leaves a claim that expires, so a
/// redelivery after that runs the handler again rather than never. Within one process, the endpoint
/// already lets one delivery of a run at a time reach the store.
/// </remarks>
public interface IReportDeliveryStore
{
    /// <summary>Claims a run for handling, unless it was handled or another receiver's claim has not expired.</summary>
    /// <param name="runId">The verified run id (<c>webhook-id</c>).</param>
    /// <param name="lease">How long the claim holds if neither completed nor released.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Whether the caller now holds the claim, and if not, why.</returns>
    Task<ReportDeliveryClaim> TryClaimAsync(string runId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the run as handled, for good; the claim ends.</summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the record is durable.</returns>
    Task CompleteAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after the handler failed, so the next redelivery runs it again.</summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the claim is gone.</returns>
    Task ReleaseAsync(string runId, CancellationToken cancellationToken);
}
