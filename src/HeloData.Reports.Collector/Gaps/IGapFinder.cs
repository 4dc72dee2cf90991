using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>
/// Finds the scheduled occurrences of a report that produced no collectable run (gaps), records them once, and
/// requests the on-demand runs that replace them; the engine calls it once per pass.
/// </summary>
internal interface IGapFinder
{
    /// <summary>
    /// Judges the report's scheduled occurrences due since its checkpoint (or since <see cref="ReportsCollectorOptions.Since"/>)
    /// and before the grace period: each window with no collected or claimed run is a gap. Failed scheduled runs are
    /// gaps too, retried once. Moves the report's checkpoint over the occurrences judged.
    /// </summary>
    /// <param name="report">A report with a schedule (a report without one is left alone).</param>
    /// <param name="failedRuns">
    /// The report's runs in this pass's <c>recent_runs</c> that failed. Runs still queued or running may be given too:
    /// their windows are not judged until those runs end.
    /// </param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>How many gaps were found and how many backfill runs requested.</returns>
    Task<GapScan> ScanAsync(Report report, IReadOnlyList<ReportRun> failedRuns, CancellationToken cancellationToken);

    /// <summary>
    /// The backfill runs requested for gaps (by any instance) that have completed and are still to collect; settles the
    /// gaps whose backfill failed, and requests again the backfills whose request never got through.
    /// </summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The completed backfill runs, to collect with <see cref="RunOrigin.Backfill"/>.</returns>
    Task<IReadOnlyList<ReportRun>> CompletedBackfillsAsync(CancellationToken cancellationToken);
}

/// <summary>What one <see cref="IGapFinder.ScanAsync"/> did.</summary>
/// <param name="GapsFound">Gaps recorded for the first time (by this instance).</param>
/// <param name="BackfillsRequested">On-demand runs this scan requested to fill gaps.</param>
internal sealed record GapScan(int GapsFound, int BackfillsRequested)
{
    /// <summary>Nothing found, nothing requested.</summary>
    public static GapScan None { get; } = new(0, 0);
}
