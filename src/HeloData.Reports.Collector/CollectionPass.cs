namespace HeloData.Reports.Collector;

/// <summary>What one pass of <see cref="IReportsCollector.CollectOnceAsync"/> did.</summary>
/// <param name="Reports">How many reports were looked at.</param>
/// <param name="Collected">Runs this pass handed to every handler and recorded.</param>
/// <param name="AlreadyCollected">Completed runs seen that were recorded before (by any instance, through either door).</param>
/// <param name="InProgress">Runs another instance held a live claim on.</param>
/// <param name="Failed">Runs whose download or handler failed this pass; they are offered again on the next.</param>
/// <param name="GapsFound">Scheduled occurrences found without a run (or with a failed one) for the first time.</param>
/// <param name="BackfillsRequested">On-demand runs this pass created to fill gaps.</param>
public sealed record CollectionPass(int Reports, int Collected, int AlreadyCollected, int InProgress, int Failed, int GapsFound, int BackfillsRequested);
