namespace HeloData.Reports.Collector;

/// <summary>What <see cref="IReportsCollector.CollectRunAsync"/> did with a run.</summary>
public enum RunCollectionResult
{
    /// <summary>Every handler took the run, and the run is recorded as collected.</summary>
    Collected = 1,

    /// <summary>The run was collected before (by this instance, another one, or the other door): nothing was done.</summary>
    AlreadyCollected,

    /// <summary>Another instance holds a live claim on the run: nothing was done here, or the claim here was lost while collecting (taken over, or not renewed for most of its lease), and the run is left to the instance that takes it; or the run has no download URL (its artifact is pushed to its destination) and is left to its push.</summary>
    InProgress,

    /// <summary>
    /// A handler threw, or the download failed: the run was released and will be offered again. Or a handler returned
    /// but the state store could not record it: the claim is left to lapse, and the run is offered again after its
    /// lease, as one that may have been handled.
    /// </summary>
    Failed,
}
