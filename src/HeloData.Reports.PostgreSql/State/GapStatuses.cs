using HeloData.Reports.Collector;

namespace HeloData.Reports.PostgreSql;

/// <summary>A gap's status as the <c>gaps</c> table spells it (its CHECK constraint lists the same words).</summary>
internal static class GapStatuses
{
    public static string ToSql(ReportGapStatus status) => status switch
    {
        ReportGapStatus.Missing => "missing",
        ReportGapStatus.BackfillRequested => "backfill_requested",
        ReportGapStatus.Filled => "filled",
        ReportGapStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a gap status."),
    };

    public static ReportGapStatus FromSql(string status) => status switch
    {
        "missing" => ReportGapStatus.Missing,
        "backfill_requested" => ReportGapStatus.BackfillRequested,
        "filled" => ReportGapStatus.Filled,
        "failed" => ReportGapStatus.Failed,
        _ => throw new InvalidOperationException($"The gaps table holds a status this package does not know: '{status}'."),
    };
}
