using System.Collections.Concurrent;
using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>
/// Runs a door claimed and did not collect: a push whose run <c>recent_runs</c> never showed is still a run of its
/// window, so the window is pending, not a gap (no second run is requested for it).
/// </summary>
/// <remarks>
/// The claim may be live (a handler still at work), or have lapsed or been released with nobody taking it over (the
/// instance died, a handler failed). The service redelivers a push for about a day, but the run stays readable by id
/// until retention ends, so the collector does not wait: once the window is past the grace period it reads the run by
/// id and collects it itself (its claim decides: a live one answers "in progress", a lapsed one is taken over and the
/// handlers are told <see cref="CollectedRun.MayHaveBeenHandled"/>). A run the service reports failed is retried once
/// like any failed occurrence; one it no longer has (past retention) leaves the window a gap, and so does one still not
/// collected a day (the service's redelivery period) after its window came due: a pushed run without a download URL
/// cannot be read by id, and the checkpoint must not wait for it for ever. A completed run read by id is read again at most once
/// per grace period (by this instance): one still uncollected meanwhile, such as a pushed run with no download URL
/// (claimed and released as awaiting its push by each pass that takes it), keeps its window pending without a
/// <c>GET</c>, a claim and a release every pass for a day.
/// </remarks>
internal sealed partial class GapFinder
{
    // The contract's "Webhook deliveries": up to 8 attempts over about 24 h.
    private static readonly TimeSpan RedeliveryPeriod = TimeSpan.FromDays(1);

    // When this instance last read each uncollected run by id; entries older than the grace period are dropped.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _readAt = new(StringComparer.Ordinal);

    /// <summary>
    /// Marks as pending the due windows with a run the store knows uncollected and the pass did not see, and reads
    /// each such run by id: a completed one is returned for the pass to collect, a failed one joins <paramref name="failed"/>.
    /// </summary>
    /// <returns>The completed runs to collect.</returns>
    private async Task<IReadOnlyList<ReportRun>> ReadUncollectedAsync(
        string reportId,
        DateOnly since,
        IEnumerable<ScheduledWindow> due,
        IReadOnlySet<(DateOnly From, DateOnly To)> covered,
        IReadOnlyList<ReportRun> seenRuns,
        HashSet<(DateOnly, DateOnly)> pending,
        List<ReportRun> failed,
        CancellationToken cancellationToken)
    {
        // A window due longer ago than the service redelivers a push is judged whatever the store knows of its run.
        var now = time.GetUtcNow();
        var redelivered = now - _options.GapGracePeriod - RedeliveryPeriod;
        foreach (var (runId, readAt) in _readAt)
        {
            if (readAt <= now - _options.GapGracePeriod)
            {
                _readAt.TryRemove(runId, out _);
            }
        }

        var open = due.Where(window => window.DueAt > redelivered)
            .Select(window => (window.From, window.To))
            .Where(window => !covered.Contains(window) && !pending.Contains(window))
            .ToHashSet();
        if (open.Count == 0)
        {
            return [];
        }

        var seen = seenRuns.Select(run => run.RunId).ToHashSet(StringComparer.Ordinal);
        var recovered = new List<ReportRun>();
        foreach (var known in await store.GetUncollectedRunsAsync(reportId, since, cancellationToken).ConfigureAwait(false))
        {
            if (!open.Contains((known.From, known.To)) || seen.Contains(known.RunId))
            {
                continue;
            }

            if (_readAt.ContainsKey(known.RunId))
            {
                // Read within the grace period and still not collected: pending, read again later.
                pending.Add((known.From, known.To));
                continue;
            }

            var (run, gone) = await ReadKnownRunAsync(known, cancellationToken).ConfigureAwait(false);
            if (gone)
            {
                continue;
            }

            if (run is { From: not null, To: not null } && run.Status == RunStatus.Failed)
            {
                failed.Add(run);
                continue;
            }

            pending.Add((known.From, known.To));
            if (run is not null && run.Status == RunStatus.Completed)
            {
                _readAt[run.RunId] = now;
                recovered.Add(run);
                LogUncollectedRead(logger, run.RunId, reportId, known.From, known.To);
            }
        }

        return recovered;
    }

    /// <returns>The run as the service has it, or none when it could not be read now (asked again on the next pass); <c>Gone</c> when the service no longer has it.</returns>
    private async Task<(ReportRun? Run, bool Gone)> ReadKnownRunAsync(RunRecord known, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetRunAsync(known.RunId, cancellationToken).ConfigureAwait(false), false);
        }
        catch (ReportsException exception) when (exception.ErrorCode == ReportsErrorCode.NotFound)
        {
            LogUncollectedGone(logger, known.RunId, known.ReportId, known.From, known.To);
            return (null, true);
        }
        catch (ReportsException exception) when (exception.IsTransient)
        {
            return (null, false);
        }
    }

    [LoggerMessage(230, LogLevel.Information, "Run {RunId} of report {ReportId} (window {From}..{To}) was claimed and not collected; collecting it by its id")]
    private static partial void LogUncollectedRead(ILogger logger, string runId, string reportId, DateOnly from, DateOnly to);

    [LoggerMessage(231, LogLevel.Warning, "Run {RunId} of report {ReportId} (window {From}..{To}) was claimed and never collected, and the service no longer has it; its window is judged as a gap")]
    private static partial void LogUncollectedGone(ILogger logger, string runId, string reportId, DateOnly from, DateOnly to);
}
