namespace HeloData.Reports.Collector;

/// <summary>What <see cref="ICollectorStateStore.TryClaimAsync"/> found for a run.</summary>
public enum RunClaimStatus
{
    /// <summary>The run is now claimed by the caller, which hands it to the handlers and then completes or releases the claim.</summary>
    Claimed = 1,

    /// <summary>The run was collected before.</summary>
    AlreadyCollected,

    /// <summary>Another instance holds a claim on the run that it still renews.</summary>
    InProgress,
}
