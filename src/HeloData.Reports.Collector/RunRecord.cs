namespace HeloData.Reports.Collector;

/// <summary>A run as the state store records it: enough to claim it and to tell which scheduled windows are covered.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="ReportId">Its report's id.</param>
/// <param name="From">The first day of its window (UTC).</param>
/// <param name="To">The last day of its window (UTC), inclusive.</param>
public sealed record RunRecord(string RunId, string ReportId, DateOnly From, DateOnly To);
