using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>
/// The pass's view of gap finding (scheduled occurrences without a collectable run): the engine calls these two
/// methods and nothing else; <c>GapFinder</c> implements them.
/// </summary>
internal interface IGapFinder
{
    /// <summary>
    /// Judges the report's scheduled occurrences due since its checkpoint: records each new gap (and, with
    /// <see cref="ReportsCollectorOptions.Backfill"/>, requests its on-demand run), handles the report's failed runs
    /// seen in this pass, and moves the report's checkpoint forward.
    /// </summary>
    /// <param name="report">A report with a schedule.</param>
    /// <param name="seenRuns">The report's runs in this pass's <c>recent_runs</c>, whatever their status: failed ones are retried once, and a window whose run is not collected yet is not judged.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>How many gaps were found for the first time, and how many on-demand runs were requested.</returns>
    Task<GapScan> ScanAsync(Report report, IReadOnlyList<ReportRun> seenRuns, CancellationToken cancellationToken);

    /// <summary>The on-demand runs requested for gaps that have completed since: the pass collects them (origin <see cref="RunOrigin.Backfill"/>).</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The completed backfill runs, as <c>GET /reports/runs/{id}</c> returned them.</returns>
    Task<IReadOnlyList<ReportRun>> CompletedBackfillsAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="IGapFinder.ScanAsync"/> did for one report.</summary>
/// <param name="GapsFound">Gaps found for the first time.</param>
/// <param name="BackfillsRequested">On-demand runs requested to fill gaps (or to retry a failed occurrence).</param>
/// <param name="Uncollected">Completed runs a door claimed and did not collect, past the grace period and not in <c>recent_runs</c>: the pass collects them.</param>
internal readonly record struct GapScan(int GapsFound, int BackfillsRequested, IReadOnlyList<ReportRun>? Uncollected = null);
