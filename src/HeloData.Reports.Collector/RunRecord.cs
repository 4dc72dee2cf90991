namespace HeloData.Reports.Collector;

/// <summary>A run as the state store records it: enough to claim it and to tell which scheduled windows are covered.</summary>
/// <remarks>
/// Properties, not a positional record, so a later version can add one without changing the constructor (a binary
/// break for every store and caller built against this one).
/// </remarks>
/// <example><code>var run = new RunRecord { RunId = "run_1", ReportId = "rep_1", From = new(2026, 6, 1), To = new(2026, 6, 7) };</code></example>
public sealed record RunRecord
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>Its report's id.</summary>
    public required string ReportId { get; init; }

    /// <summary>The first day of its window (UTC).</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day of its window (UTC), inclusive.</summary>
    public required DateOnly To { get; init; }
}
