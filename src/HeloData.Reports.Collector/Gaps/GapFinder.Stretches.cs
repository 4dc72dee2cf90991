using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>Each stretch of one schedule judged in turn, and the checkpoint stored with the schedule it was judged by.</summary>
internal sealed partial class GapFinder
{
    /// <summary>Judges one stretch's windows, oldest first: records the gaps (and requests backfills) and says how far the checkpoint may move.</summary>
    /// <returns>The last window judged before the first still pending (the checkpoint stops before that one), and whether one was.</returns>
    private async Task<(int Found, int Requested, DateTimeOffset? Last, bool Blocked)> JudgeAsync(
        string reportId,
        List<ScheduledWindow> windows,
        IReadOnlySet<(DateOnly From, DateOnly To)> covered,
        HashSet<(DateOnly, DateOnly)> pending,
        HashSet<(DateOnly, DateOnly)> failedWindows,
        CancellationToken cancellationToken)
    {
        var (found, requested, blocked) = (0, 0, false);
        DateTimeOffset? judged = null;
        foreach (var window in windows)
        {
            var key = (window.From, window.To);
            if (!covered.Contains(key) && pending.Contains(key))
            {
                blocked = true;
                continue;
            }

            if (!covered.Contains(key) && !failedWindows.Contains(key))
            {
                found += await RecordGapAsync(reportId, window, failedRunId: null, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                requested += _options.Backfill && await TryRequestBackfillAsync(reportId, window.From, window.To, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            judged = blocked ? judged : window.DueAt;
        }

        return (found, requested, judged, blocked);
    }

    /// <summary>
    /// Stores how far the report is judged, with the schedule it was judged by. After a change, the current schedule
    /// is stored once the old one's stretch is judged through and the new one's has a window judged; until then the
    /// old one's progress is stored with the old schedule, so the next pass splits the same way. With no readable
    /// current schedule the only stretch is the stored one's, so its progress is stored with it (and when it was last
    /// seen) until its last window is judged, however many passes the grace period takes.
    /// </summary>
    private async Task AdvanceAsync(Report report, bool currentReadable, ReportCheckpoint? checkpoint, List<ScheduleStretch> stretches, List<(DateTimeOffset? Last, bool Blocked)> judged, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ReportCheckpoint? next = null;
        if (currentReadable && (stretches.Count == 1 || !judged[0].Blocked) && judged[^1].Last is { } last)
        {
            next = new ReportCheckpoint { At = last, Schedule = report.Schedule, ScheduleSeenAt = now };
        }
        else if ((stretches.Count == 2 || !currentReadable) && judged[0].Last is { } old)
        {
            next = new ReportCheckpoint { At = old, Schedule = checkpoint!.Schedule, ScheduleSeenAt = checkpoint.ScheduleSeenAt };
        }

        if (next is not null)
        {
            await store.AdvanceCheckpointAsync(report.Id, next, cancellationToken).ConfigureAwait(false);
        }
    }
}
