namespace HeloData.Reports.Collector;

/// <summary>The counts of one pass, added to by runs collected in parallel.</summary>
internal sealed class PassTally
{
    private int _collected;
    private int _alreadyCollected;
    private int _inProgress;
    private int _failed;
    private int _gapsFound;
    private int _backfillsRequested;

    public void Add(RunCollectionResult result)
    {
        switch (result)
        {
            case RunCollectionResult.Collected:
                Interlocked.Increment(ref _collected);
                break;
            case RunCollectionResult.AlreadyCollected:
                Interlocked.Increment(ref _alreadyCollected);
                break;
            case RunCollectionResult.InProgress:
                Interlocked.Increment(ref _inProgress);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }
    }

    public void AddAlreadyCollected(int runs) => Interlocked.Add(ref _alreadyCollected, runs);

    public void Add(GapScan scan)
    {
        Interlocked.Add(ref _gapsFound, scan.GapsFound);
        Interlocked.Add(ref _backfillsRequested, scan.BackfillsRequested);
    }

    public CollectionPass ToPass(int reports) =>
        new(reports, _collected, _alreadyCollected, _inProgress, _failed, _gapsFound, _backfillsRequested);
}
