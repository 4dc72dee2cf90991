using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>Gaps whose window got collected after all: settled as filled, never asked for again.</summary>
internal sealed partial class GapFinder
{
    /// <summary>
    /// Settles as <see cref="ReportGapStatus.Filled"/> every open gap whose window the store now covers: a late run
    /// collected anyway, or a backfill collected by an instance that died between completing it and settling its gap.
    /// </summary>
    /// <returns>The open gaps still uncovered.</returns>
    private async Task<List<ReportGap>> SettleCoveredAsync(IEnumerable<ReportGap> gaps, CancellationToken cancellationToken)
    {
        var open = gaps.Where(gap => gap.Status is ReportGapStatus.Missing or ReportGapStatus.BackfillRequested).ToList();
        var uncovered = new List<ReportGap>();
        foreach (var report in open.GroupBy(gap => gap.ReportId))
        {
            var since = report.Min(gap => gap.To);
            var covered = await store.GetCoveredWindowsAsync(report.Key, since, cancellationToken).ConfigureAwait(false);
            foreach (var gap in report)
            {
                if (!covered.Contains((gap.From, gap.To)))
                {
                    uncovered.Add(gap);
                    continue;
                }

                await store.SettleGapAsync(gap.ReportId, gap.From, gap.To, ReportGapStatus.Filled, cancellationToken).ConfigureAwait(false);
                LogCoveredGapSettled(logger, gap.ReportId, gap.From, gap.To);
            }
        }

        return uncovered;
    }

    [LoggerMessage(220, LogLevel.Information, "The window {From}..{To} of report {ReportId} is collected; its gap is settled as filled")]
    private static partial void LogCoveredGapSettled(ILogger logger, string reportId, DateOnly from, DateOnly to);
}
