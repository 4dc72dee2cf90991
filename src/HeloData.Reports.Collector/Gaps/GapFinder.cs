using Cronos;
using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Matches each scheduled report's occurrences to the windows the state store has covered: what is missing after
/// the grace period is a gap, recorded once for every instance sharing the store, and, with
/// <see cref="ReportsCollectorOptions.Backfill"/>, replaced by one on-demand run for the same window.
/// </summary>
/// <remarks>
/// Besides failed runs, <see cref="ScanAsync"/> takes the report's other runs the pass saw and did not collect (still
/// queued or running, or completed but not collected yet): a window with such a run is not judged until the run is
/// collected or fails, so a run slower than the grace period is not replaced by a second one.
/// </remarks>
internal sealed partial class GapFinder(
    IReportsClient client,
    ICollectorStateStore store,
    IOptions<ReportsCollectorOptions> options,
    TimeProvider time,
    ILogger<GapFinder> logger) : IGapFinder
{
    private readonly ReportsCollectorOptions _options = options.Value;

    /// <inheritdoc />
    public async Task<GapScan> ScanAsync(Report report, IReadOnlyList<ReportRun> seenRuns, CancellationToken cancellationToken)
    {
        var readable = Timetable(report.Id, report.Schedule) is not null;
        var now = time.GetUtcNow();
        var checkpoint = await store.GetReportCheckpointAsync(report.Id, cancellationToken).ConfigureAwait(false);
        var stretches = ScheduleInForce.Stretches(report, readable, checkpoint, now - _options.Since, now - _options.GapGracePeriod)
            .Select(stretch => (Stretch: stretch, Timetable: Timetable(report.Id, stretch.Schedule)))
            .ToList();
        if (stretches.Count == 0)
        {
            // No schedule to judge by, now or stored: an on-demand report has no gaps.
            return default;
        }

        var windows = stretches
            .Select(s => s.Timetable is { } timetable ? ScheduleWindows.Due(timetable, s.Stretch.After, s.Stretch.Until, s.Stretch.AfterJudged).ToList() : [])
            .ToList();
        var failed = seenRuns.Where(run => run.ReportId == report.Id && run.Status == RunStatus.Failed && run is { From: not null, To: not null }).ToList();
        var pending = seenRuns
            .Where(run => run.ReportId == report.Id && run.Status != RunStatus.Failed && run is { From: not null, To: not null })
            .Select(run => (run.From!.Value, run.To!.Value))
            .ToHashSet();
        if (windows.All(due => due.Count == 0) && failed.Count == 0)
        {
            // Most passes of a daily schedule: nothing came due since the last one, so the store is not asked.
            return default;
        }

        var since = windows.SelectMany(due => due).Select(window => window.To).Concat(failed.Select(run => run.To!.Value)).Min();
        var covered = await store.GetCoveredWindowsAsync(report.Id, since, cancellationToken).ConfigureAwait(false);
        var recovered = await ReadUncollectedAsync(report.Id, since, windows.SelectMany(due => due), covered, seenRuns, pending, failed, cancellationToken).ConfigureAwait(false);

        var timetables = stretches.Select(s => s.Timetable).OfType<CronTimetable>().Reverse().ToList();
        var (found, requested, failedWindows) = await JudgeFailedRunsAsync(report.Id, timetables, failed, covered, pending, cancellationToken).ConfigureAwait(false);

        var judged = new List<(DateTimeOffset? Last, bool Blocked)>();
        foreach (var due in windows)
        {
            var stretch = await JudgeAsync(report.Id, due, covered, pending, failedWindows, cancellationToken).ConfigureAwait(false);
            (found, requested) = (found + stretch.Found, requested + stretch.Requested);
            judged.Add((stretch.Last, stretch.Blocked));
        }

        await AdvanceAsync(report, readable, checkpoint, stretches.ConvertAll(s => s.Stretch), judged, now, cancellationToken).ConfigureAwait(false);
        return new GapScan(found, requested, recovered.Count == 0 ? null : recovered);
    }

    /// <summary>
    /// A failed run whose window is a scheduled occurrence's, and not covered by another run, is a gap retried once,
    /// whatever Backfill says: the user scheduled it, so wants its rows. The backfill claim, not
    /// <see cref="ICollectorStateStore.RecordFailedRunAsync"/>'s first answer, decides, so a request that did not get
    /// through is made again on a later pass.
    /// </summary>
    private async Task<(int Found, int Requested, HashSet<(DateOnly, DateOnly)> Windows)> JudgeFailedRunsAsync(
        string reportId,
        List<CronTimetable> timetables,
        List<ReportRun> failed,
        IReadOnlySet<(DateOnly From, DateOnly To)> covered,
        HashSet<(DateOnly, DateOnly)> pending,
        CancellationToken cancellationToken)
    {
        var (found, requested, windows) = (0, 0, new HashSet<(DateOnly, DateOnly)>());
        foreach (var run in failed)
        {
            var (from, to) = (run.From!.Value, run.To!.Value);
            var first = await store.RecordFailedRunAsync(new RunRecord { RunId = run.RunId, ReportId = reportId, From = from, To = to }, cancellationToken).ConfigureAwait(false);
            if (covered.Contains((from, to)) || pending.Contains((from, to)) || !windows.Add((from, to)))
            {
                continue;
            }

            if (timetables.Select(timetable => ScheduleWindows.Matching(timetable, from, to)).FirstOrDefault(window => window is not null) is not { } occurrence)
            {
                if (first)
                {
                    LogFailedOnDemand(logger, run.RunId, reportId, from, to);
                }

                continue;
            }

            found += await RecordGapAsync(reportId, occurrence, run.RunId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            requested += await TryRequestBackfillAsync(reportId, from, to, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return (found, requested, windows);
    }

    private CronTimetable? Timetable(string reportId, string? schedule)
    {
        if (string.IsNullOrEmpty(schedule))
        {
            return null;
        }

        try
        {
            return CronTimetable.Parse(schedule);
        }
        catch (CronFormatException)
        {
            // The service accepted it, so it is a cron dialect this SDK does not read; guessing would invent gaps.
            LogScheduleUnreadable(logger, reportId, schedule);
            return null;
        }
    }

    private async Task<bool> RecordGapAsync(string reportId, ScheduledWindow window, string? failedRunId, CancellationToken cancellationToken)
    {
        var gap = new ReportGap { ReportId = reportId, From = window.From, To = window.To, DueAt = window.DueAt, Status = ReportGapStatus.Missing, FailedRunId = failedRunId };
        if (!await store.RecordGapAsync(gap, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (failedRunId is null)
        {
            LogGapFound(logger, reportId, window.From, window.To, window.DueAt);
        }
        else
        {
            LogFailedOccurrence(logger, failedRunId, reportId, window.From, window.To);
        }

        CollectorInstrumentation.CountGap("found");
        return true;
    }

    [LoggerMessage(200, LogLevel.Warning, "Report {ReportId} has no run for its scheduled window {From}..{To} (due {DueAt})")]
    private static partial void LogGapFound(ILogger logger, string reportId, DateOnly from, DateOnly to, DateTimeOffset dueAt);

    [LoggerMessage(201, LogLevel.Warning, "Run {RunId} of report {ReportId} failed for its scheduled window {From}..{To}; an on-demand run retries it once")]
    private static partial void LogFailedOccurrence(ILogger logger, string runId, string reportId, DateOnly from, DateOnly to);

    [LoggerMessage(202, LogLevel.Warning, "Run {RunId} of report {ReportId} failed; its window {From}..{To} is no scheduled occurrence's, so it is not retried")]
    private static partial void LogFailedOnDemand(ILogger logger, string runId, string reportId, DateOnly from, DateOnly to);

    [LoggerMessage(203, LogLevel.Warning, "The schedule '{Schedule}' of report {ReportId} is not standard cron; its gaps are not looked for")]
    private static partial void LogScheduleUnreadable(ILogger logger, string reportId, string schedule);
}
