namespace HeloData.Reports.Collector;

/// <summary>What became of one run offered to the collector: finer than the public <see cref="RunCollectionResult"/>, for the logs and the <c>outcome</c> tag.</summary>
internal enum RunOutcome
{
    /// <summary>Every handler took the run, and it is recorded as collected.</summary>
    Collected,

    /// <summary>Recorded as collected before: nothing was done.</summary>
    AlreadyCollected,

    /// <summary>Another owner holds a live claim: nothing was done.</summary>
    InProgress,

    /// <summary>The claim stopped being this owner's while the run was collected (taken over, or about to lapse): the new owner collects it.</summary>
    ClaimLost,

    /// <summary>A completed run with no download URL (its artifact is pushed to its destination): released so it comes in by its push.</summary>
    AwaitingPush,

    /// <summary>A handler or the download failed: the claim was released and the run is offered again.</summary>
    Failed,

    /// <summary>A handler returned but its record could not be written: the claim is left to lapse, so the run is taken over as one that may have been handled.</summary>
    RecordLost,
}

/// <summary>Maps a <see cref="RunOutcome"/> to the public result and to the metric's tag.</summary>
internal static class RunOutcomes
{
    public static RunCollectionResult ToResult(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Collected => RunCollectionResult.Collected,
        RunOutcome.AlreadyCollected => RunCollectionResult.AlreadyCollected,
        RunOutcome.InProgress or RunOutcome.ClaimLost or RunOutcome.AwaitingPush => RunCollectionResult.InProgress,
        _ => RunCollectionResult.Failed,
    };

    /// <summary>The <c>outcome</c> tag of <c>helodata.collector.runs</c> (docs/telemetry.md).</summary>
    public static string ToTag(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Collected => "collected",
        RunOutcome.AlreadyCollected => "already_collected",
        RunOutcome.InProgress or RunOutcome.ClaimLost => "in_progress",
        RunOutcome.RecordLost => "record_lost",
        RunOutcome.AwaitingPush => "awaiting_push",
        _ => "failed",
    };
}
