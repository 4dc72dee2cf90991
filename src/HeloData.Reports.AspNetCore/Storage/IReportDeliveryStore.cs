namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The record of runs whose deliveries were handled, so each run is handed to the application once
/// however often it is redelivered (see the remarks for the one exception). The default is
/// <see cref="SqliteReportDeliveryStore"/>, durable across restarts; <see cref="InMemoryReportDeliveryStore"/>
/// is for tests. Register another implementation (a database table shared by several instances, say)
/// before or after <c>AddHeloReportsWebhooks</c> to replace it.
/// </summary>
/// <remarks>
/// <para>
/// A claim belongs to one life of one receiver process (the store's owner) and is a short lease that the
/// endpoint renews while the handler runs. A claim whose owner stopped renewing it is taken over once its
/// lease ends; the claims an owner's previous life left are released by <see cref="StartAsync"/> when it
/// starts again, so a redelivery after a restart is handled at once.
/// </para>
/// <para>
/// What is guaranteed: the handler runs once per run, except when the receiver dies (or stops renewing its
/// claim) after the handler finished and before <see cref="CompleteAsync"/> recorded it. The run is then
/// claimed again, and that claim says so (<see cref="ReportDeliveryClaim.MayHaveBeenHandled"/>, and an
/// <see cref="ReportDeliveryClaim.Attempt"/> over 1), which the endpoint passes on in <see cref="ReportDelivery"/>.
/// </para>
/// </remarks>
public interface IReportDeliveryStore
{
    /// <summary>
    /// Opens and checks the store, and releases the claims this owner's previous life left. The host calls it
    /// once at start-up, before the server takes a delivery; a store that cannot work fails the start here.
    /// </summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the store is ready.</returns>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Claims a run for handling, unless it was handled or another owner holds a claim on it whose lease has not ended.</summary>
    /// <param name="runId">The verified run id (<c>webhook-id</c>).</param>
    /// <param name="lease">How long the claim holds unless renewed, completed or released.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Whether the caller now holds the claim (and which attempt this is), and if not, why.</returns>
    Task<ReportDeliveryClaim> TryClaimAsync(string runId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the caller's claim: the heartbeat of a running handler.</summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="lease">How long from now the claim holds.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="false"/> when the claim is no longer the caller's (it lapsed and was taken over, or the run was recorded).</returns>
    Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the run as handled, for good; the claim ends.</summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the record is durable.</returns>
    Task CompleteAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up the caller's claim after the handler failed, so the next redelivery runs it again. Also called
    /// after a <see cref="TryClaimAsync"/> that failed or was cancelled, since that claim may have been written
    /// anyway: a run the caller holds no claim on is left as it is.
    /// </summary>
    /// <param name="runId">A run the caller claimed, or tried to.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the claim is gone.</returns>
    Task ReleaseAsync(string runId, CancellationToken cancellationToken);
}
