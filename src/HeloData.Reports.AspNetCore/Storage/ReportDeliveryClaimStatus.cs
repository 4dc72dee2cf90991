namespace HeloData.Reports.AspNetCore;

/// <summary>What <see cref="IReportDeliveryStore.TryClaimAsync"/> found for a run id.</summary>
public enum ReportDeliveryClaimStatus
{
    /// <summary>The run is now claimed by the caller, which runs the handler and then completes or releases the claim.</summary>
    Claimed = 1,

    /// <summary>The run was handled before: a redelivery, answered 2xx without calling the handler.</summary>
    AlreadyHandled,

    /// <summary>
    /// Another receiver (another process sharing the store) holds a claim it still renews: answered 409 with
    /// <c>Retry-After</c>, so the service tries again later.
    /// </summary>
    InProgress,
}
