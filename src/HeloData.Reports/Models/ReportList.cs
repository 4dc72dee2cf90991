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

    /// <summary>Runs of the account's reports, most recent first; empty when the service sent none.</summary>
    [JsonInclude]
    public IReadOnlyList<ReportRun> RecentRuns
    {
        get;

        // Wire assumption (contract, "List"): "recent_runs": null is an empty list, as a missing one is.
        internal set => field = value ?? [];
    } = [];

    /// <summary>The cursor for the next page, or <see langword="null"/> on the last page.</summary>
    /// <remarks>An empty <c>next_cursor</c> (<c>""</c>) from the service is no cursor: the last page.</remarks>
    [JsonInclude]
    public string? NextCursor
    {
        get;

        // Wire assumption (contract, "List"): an empty cursor is no cursor, so every reader of a page
        // (ListAllReportsAsync, or a caller paging by hand) stops there, and "" is never sent back.
        internal set => field = string.IsNullOrEmpty(value) ? null : value;
    }
}
