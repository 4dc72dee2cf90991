namespace HeloData.Reports.Collector;

/// <summary>What became of a <see cref="ReportGap"/>.</summary>
public enum ReportGapStatus
{
    /// <summary>Found and reported; no replacement run requested (<see cref="ReportsCollectorOptions.Backfill"/> is off).</summary>
    Missing = 1,

    /// <summary>An instance is requesting, or has requested, an on-demand run for the window.</summary>
    BackfillRequested,

    /// <summary>A run for the window was collected.</summary>
    Filled,

    /// <summary>The replacement run failed too (a failed occurrence is retried once): reported, not retried again.</summary>
    Failed,
}
