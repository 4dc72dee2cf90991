using HeloData.Reports.Collector;

namespace HeloData.Reports.Cli.Collect;

/// <summary>What every pass of one <c>collect</c> did, added up: the summary printed at the end.</summary>
internal sealed class CollectTotals
{
    public int Passes { get; private set; }

    /// <summary>How many reports the last pass looked at.</summary>
    public int Reports { get; private set; }

    public int Collected { get; private set; }

    public int AlreadyCollected { get; private set; }

    public int InProgress { get; private set; }

    public int Failed { get; private set; }

    public int GapsFound { get; private set; }

    public int BackfillsRequested { get; private set; }

    /// <summary>Passes that stopped on an error (the service or the state store out of reach); the next pass tries again.</summary>
    public int PassesFailed { get; private set; }

    public bool Interrupted { get; set; }

    public void Add(CollectionPass pass)
    {
        Passes++;
        Reports = pass.Reports;
        Collected += pass.Collected;
        AlreadyCollected += pass.AlreadyCollected;
        InProgress += pass.InProgress;
        Failed += pass.Failed;
        GapsFound += pass.GapsFound;
        BackfillsRequested += pass.BackfillsRequested;
    }

    public void AddFailedPass()
    {
        Passes++;
        PassesFailed++;
    }
}
