namespace HeloData.Reports.Testing.Artifacts;

/// <summary>What one artifact is generated from: a run of a report over a window of days.</summary>
/// <param name="RunId">The run's id; different runs over the same window get different numbers.</param>
/// <param name="ReportType">A report type's wire value, e.g. <c>traffic</c>.</param>
/// <param name="Format">A format's wire value: <c>csv</c>, <c>tsv</c>, <c>json</c> or <c>parquet</c>.</param>
/// <param name="From">The first UTC day covered, inclusive.</param>
/// <param name="To">The last UTC day covered, inclusive.</param>
/// <param name="Products">The report's <c>filters.products</c> wire values; empty means all four.</param>
/// <param name="Seed">
/// The sandbox's seed. It alone decides the account (sub-users, ISP batches), so every report of one
/// sandbox names the same sub-users.
/// </param>
/// <param name="RowCount">
/// The number of rows to generate instead of the window's own count, or <see langword="null"/> for the
/// window's. Beyond the window's count the window's rows repeat with fresh numbers (see <c>docs/artifacts.md</c>).
/// </param>
internal sealed record ArtifactRequest(
    string RunId,
    string ReportType,
    string Format,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Products,
    int Seed,
    long? RowCount = null);
