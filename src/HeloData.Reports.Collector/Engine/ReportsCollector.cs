using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// The collector's passes and its door for single runs (<see cref="IReportsCollector"/>): a pass lists the account,
/// collects each completed run not settled yet (<see cref="RunCollection"/>), has the gap finder judge the scheduled
/// reports, and collects the backfill runs that completed.
/// </summary>
internal sealed class ReportsCollector(
    IReportsClient client,
    ICollectorStateStore store,
    IGapFinder gaps,
    RunCollection runs,
    KnownReports reports,
    CollectorStartup startup,
    IOptions<ReportsCollectorOptions> options,
    TimeProvider time,
    ILogger<ReportsCollector> logger) : IReportsCollector
{
    private readonly ReportsCollectorOptions _options = options.Value;
    private readonly IReadOnlySet<string> _selected = options.Value.Reports.ToHashSet(StringComparer.Ordinal);

    public async Task<CollectionPass> CollectOnceAsync(CancellationToken cancellationToken = default)
    {
        await startup.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var listing = await AccountListing.ReadAsync(client, _selected, cancellationToken).ConfigureAwait(false);
        reports.Remember(listing.Reports);

        var tally = new PassTally();
        var since = time.GetUtcNow() - _options.Since;

        // A completed run the service gave no completed_at is collected: losing it is worse than looking too far back.
        var completed = listing.Runs.Where(r => r.Status == RunStatus.Completed && !(r.CompletedAt < since)).ToArray();
        var settled = completed.Length == 0
            ? new HashSet<string>()
            : await store.FindSettledAsync([.. completed.Select(r => r.RunId)], cancellationToken).ConfigureAwait(false);
        tally.AddAlreadyCollected(completed.Count(r => settled.Contains(r.RunId)));
        await CollectAllAsync(completed.Where(r => !settled.Contains(r.RunId)), RunOrigin.Poll, tally, cancellationToken).ConfigureAwait(false);

        var uncollected = new List<ReportRun>();
        // Every report, scheduled or not: one whose schedule was removed still has the old one's last windows to judge.
        foreach (var report in listing.Reports)
        {
            // Every run of the report the poll saw, not only the failed ones: a window whose run is still running, or
            // whose collection failed this pass, is judged later, not replaced by a second run.
            var seen = listing.Runs.Where(r => r.ReportId == report.Id).ToArray();
            try
            {
                var scan = await gaps.ScanAsync(report, seen, cancellationToken).ConfigureAwait(false);
                tally.Add(scan);
                uncollected.AddRange(scan.Uncollected ?? []);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                CollectorLog.GapScanFailed(logger, exception, report.Id);
            }
        }

        // Runs a door claimed and never collected, read by id because recent_runs did not show them (GapFinder.Uncollected).
        await CollectAllAsync(uncollected, RunOrigin.Poll, tally, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<ReportRun> backfills = [];
        try
        {
            backfills = await gaps.CompletedBackfillsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            CollectorLog.BackfillsFailed(logger, exception);
        }

        await CollectAllAsync(backfills, RunOrigin.Backfill, tally, cancellationToken).ConfigureAwait(false);
        var pass = tally.ToPass(listing.Reports.Count);
        CollectorLog.Pass(logger, pass.Reports, pass.Collected, pass.AlreadyCollected, pass.InProgress, pass.Failed, pass.GapsFound, pass.BackfillsRequested);
        return pass;
    }

    public async Task<RunCollectionResult> CollectRunAsync(ReportRun run, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Completed)
        {
            throw new ArgumentException($"The run {run.RunId} is {run.Status}; only a completed run can be collected.", nameof(run));
        }

        if (artifactPath is not null && !File.Exists(artifactPath))
        {
            throw new ArgumentException($"The artifact file {PathMessages.Quote(artifactPath)} of {run.RunId} does not exist.", nameof(artifactPath));
        }

        await startup.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        return await runs.CollectAsync(run, artifactPath, origin, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken = default) =>
        store.GetGapsAsync(cancellationToken);

    // Each run on its own: a run the service described badly, or a store that failed for one run, is logged and
    // counted as failed (offered again on the next pass) without holding up the others.
    private Task CollectAllAsync(IEnumerable<ReportRun> candidates, RunOrigin origin, PassTally tally, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRuns, CancellationToken = cancellationToken },
            async (run, token) =>
            {
                try
                {
                    tally.Add(await runs.CollectAsync(run, artifactPath: null, origin, token).ConfigureAwait(false));
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    CollectorLog.RunFailed(logger, exception, run.RunId);
                    CollectorInstrumentation.CountRun(RunCollectionResult.Failed);
                    tally.Add(RunCollectionResult.Failed);
                }
            });
}
