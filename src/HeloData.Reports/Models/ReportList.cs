using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>One page of <c>GET /reports</c>: report definitions, recent runs, and the next page's cursor.</summary>
public sealed class ReportList
{
    /// <summary>The report definitions on this page.</summary>
    public IReadOnlyList<Report> Reports { get; init; } = [];

    /// <summary>Runs of the account's reports, most recent first.</summary>
    public IReadOnlyList<ReportRun> RecentRuns { get; init; } = [];

    /// <summary>The cursor for the next page, or <see langword="null"/> on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>Properties the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
