using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>One page of <c>GET /reports</c>: report definitions, recent runs, and the next page's cursor.</summary>
public sealed class ReportList : ExtensibleModel
{
    // Built by the JSON reader and by ReportsModelFactory only: a response is never made by hand.
    [JsonConstructor]
    internal ReportList()
    {
    }

    /// <summary>The report definitions on this page.</summary>
    [JsonInclude]
    public IReadOnlyList<Report> Reports { get; internal set; } = [];

    /// <summary>Runs of the account's reports, most recent first.</summary>
    [JsonInclude]
    public IReadOnlyList<ReportRun> RecentRuns { get; internal set; } = [];

    /// <summary>The cursor for the next page, or <see langword="null"/> on the last page.</summary>
    [JsonInclude]
    public string? NextCursor { get; internal set; }
}
