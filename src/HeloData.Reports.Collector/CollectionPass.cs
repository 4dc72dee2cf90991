namespace HeloData.Reports.Collector;

/// <summary>What one pass of <see cref="IReportsCollector.CollectOnceAsync"/> did.</summary>
/// <remarks>
/// Built by the collector (properties, so a later version can add a count without a binary break); a test of code
/// that reads one builds it with <see cref="ReportsCollectorModelFactory.CollectionPass"/>.
/// </remarks>
public sealed record CollectionPass
{
    internal CollectionPass(int reports, int collected, int alreadyCollected, int inProgress, int failed, int gapsFound, int backfillsRequested)
    {
        Reports = reports;
        Collected = collected;
        AlreadyCollected = alreadyCollected;
        InProgress = inProgress;
        Failed = failed;
        GapsFound = gapsFound;
        BackfillsRequested = backfillsRequested;
    }

    /// <summary>How many reports were looked at.</summary>
    public int Reports { get; init; }

    /// <summary>Runs this pass handed to every handler and recorded.</summary>
    public int Collected { get; init; }

    /// <summary>Completed runs seen that were recorded before (by any instance, through either door).</summary>
    public int AlreadyCollected { get; init; }

    /// <summary>Runs another instance held a live claim on.</summary>
    public int InProgress { get; init; }

    /// <summary>Runs whose download or handler failed this pass; they are offered again on the next.</summary>
    public int Failed { get; init; }

    /// <summary>Scheduled occurrences found without a run (or with a failed one) for the first time.</summary>
    public int GapsFound { get; init; }

    /// <summary>On-demand runs this pass created to fill gaps.</summary>
    public int BackfillsRequested { get; init; }
}
