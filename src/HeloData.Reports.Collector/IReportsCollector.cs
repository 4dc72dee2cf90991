using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>
/// The collector: one inbox for the runs of the account's reports, fed by polling and by webhook deliveries,
/// each run claimed by one instance and handed to every registered handler (<see cref="IRunHandler"/>).
/// <c>AddHeloReportsCollector</c> registers it and a hosted service that calls <see cref="CollectOnceAsync"/>
/// every <see cref="ReportsCollectorOptions.PollInterval"/>; mock this interface to test code that uses it.
/// </summary>
public interface IReportsCollector
{
    /// <summary>
    /// One pass: lists every page of reports, collects each completed run not recorded yet, finds gaps in the
    /// scheduled reports' occurrences (and, with <see cref="ReportsCollectorOptions.Backfill"/>, requests and
    /// collects their replacements), and moves each report's checkpoint forward. Used by the hosted service,
    /// and by <c>helodata-reports collect --once</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the pass; runs in flight are released for the next one.</param>
    /// <returns>What the pass did.</returns>
    /// <exception cref="InvalidOperationException">No handler was added to the collector's builder: it would record runs as collected that nothing took.</exception>
    Task<CollectionPass> CollectOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Collects one run now, unless it was collected before or another instance holds it: the door for the
    /// webhook receiver, and for application code that knows a run id.
    /// </summary>
    /// <param name="run">The run, as <c>GET /reports/runs/{id}</c> returned it (a completed run).</param>
    /// <param name="artifactPath">
    /// The run's artifact already on disk (a verified webhook delivery), read and not deleted; <see langword="null"/>
    /// to download it.
    /// </param>
    /// <param name="origin">Which door the run came in by.</param>
    /// <param name="cancellationToken">Stops the call; a run in flight is released.</param>
    /// <returns>What became of the run.</returns>
    /// <exception cref="ArgumentException"><paramref name="run"/> is not completed, or <paramref name="artifactPath"/> names no file.</exception>
    /// <exception cref="ReportsException">
    /// The run cannot be recorded: the service gave it no window (<see cref="ReportsErrorCode.InvalidResponse"/>); nothing
    /// was claimed. A failed download or handler is not thrown: it is <see cref="RunCollectionResult.Failed"/>.
    /// </exception>
    /// <exception cref="InvalidOperationException">No handler was added to the collector's builder: it would record runs as collected that nothing took.</exception>
    Task<RunCollectionResult> CollectRunAsync(ReportRun run, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken = default);

    /// <summary>The gaps found so far: scheduled occurrences with no run, or whose run failed, and what became of each.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Every gap recorded in the state store, oldest first.</returns>
    Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken = default);
}
