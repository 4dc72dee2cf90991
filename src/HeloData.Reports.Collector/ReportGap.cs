namespace HeloData.Reports.Collector;

/// <summary>
/// A scheduled occurrence of a report that produced no collectable run within
/// <see cref="ReportsCollectorOptions.GapGracePeriod"/>, or whose run failed; identified by its report and window
/// (the contract's window of a scheduled run), since a replacement on-demand run for that window produces the same rows.
/// </summary>
/// <param name="ReportId">The report.</param>
/// <param name="From">The occurrence's window: its first day (UTC).</param>
/// <param name="To">The occurrence's window: its last day (UTC), inclusive.</param>
/// <param name="DueAt">The occurrence (the first one, when several on one day share the window).</param>
/// <param name="Status">What became of it.</param>
/// <param name="FailedRunId">The occurrence's run that failed, or <see langword="null"/> when no run was seen.</param>
/// <param name="BackfillRunId">The on-demand run requested to fill it, once known.</param>
public sealed record ReportGap(
    string ReportId,
    DateOnly From,
    DateOnly To,
    DateTimeOffset DueAt,
    ReportGapStatus Status,
    string? FailedRunId = null,
    string? BackfillRunId = null);
