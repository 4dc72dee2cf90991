using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A report definition, as <c>POST /reports</c>, <c>GET /reports/{id}</c> and
/// <c>PATCH /reports/{id}</c> return it.
/// </summary>
/// <remarks>
/// To change a report, build a <see cref="ReportUpdate"/>: either only the fields to change, or
/// <see cref="ReportUpdate.FromReport(Report)"/> for a read-modify-write that keeps the fields
/// this SDK does not know.
/// </remarks>
public sealed class Report : ExtensibleModel
{
    // Built by the JSON reader and by ReportsModelFactory only: a response is never made by hand.
    [JsonConstructor]
    internal Report()
    {
    }

    /// <summary>The report's opaque id, such as <c>rep_01HX2K3PQ4M5</c>. Read-only.</summary>
    [JsonInclude]
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The report's name, such as <c>weekly-traffic</c>.</summary>
    [JsonInclude]
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The kind of data the report exports.</summary>
    [JsonInclude]
    public ReportType Type { get; internal set; }

    /// <summary>Which data goes into the report; <see langword="null"/> when the service sent none.</summary>
    [JsonInclude]
    public ReportFilters? Filters { get; internal set; }

    /// <summary>
    /// The 5-field cron expression (UTC) the report runs on, or <see langword="null"/> when it runs
    /// on demand only.
    /// </summary>
    [JsonInclude]
    public string? Schedule { get; internal set; }

    /// <summary>The artifact's file format.</summary>
    [JsonInclude]
    public ReportFormat Format { get; internal set; }

    /// <summary>
    /// Where the artifact is delivered; <see langword="null"/> when the service sent none, in which
    /// case a completed run offers a download URL.
    /// </summary>
    [JsonInclude]
    public ReportDestination? Destination { get; internal set; }

    /// <summary>When the report was created (UTC). Read-only.</summary>
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the report was last changed (UTC). Read-only.</summary>
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>When the schedule next fires (UTC); <see langword="null"/> for an on-demand report. Read-only.</summary>
    [JsonInclude]
    public DateTimeOffset? NextRunAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} '{Name}' ({Type}, {Format}, {Schedule ?? "on demand"})";
}
