namespace HeloData.Reports.Collector;

/// <summary>
/// A scheduled occurrence of a report that produced no collectable run within
/// <see cref="ReportsCollectorOptions.GapGracePeriod"/>, or whose run failed; identified by its report and window
/// (the contract's window of a scheduled run), since a replacement on-demand run for that window produces the same rows.
/// </summary>
/// <remarks>
/// Properties, not a positional record, so a later version can add one without changing the constructor (a binary
/// break for every state store built against this one). State stores build it; the collector reads it.
/// </remarks>
public sealed record ReportGap
{
    /// <summary>The report.</summary>
    public required string ReportId { get; init; }

    /// <summary>The occurrence's window: its first day (UTC).</summary>
    public required DateOnly From { get; init; }

    /// <summary>The occurrence's window: its last day (UTC), inclusive.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The occurrence (the first one, when several on one day share the window).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>What became of it.</summary>
    public required ReportGapStatus Status { get; init; }

    /// <summary>The occurrence's run that failed, or <see langword="null"/> (the default) when no run was seen.</summary>
    public string? FailedRunId { get; init; }

    /// <summary>The on-demand run requested to fill it, once known; <see langword="null"/> (the default) before.</summary>
    public string? BackfillRunId { get; init; }
}
