using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>A run of a report, as <c>GET /reports/runs/{id}</c> returns it.</summary>
public sealed class ReportRun : ExtensibleModel
{
    // Built by the JSON reader and by ReportsModelFactory only: a response is never made by hand.
    [JsonConstructor]
    internal ReportRun()
    {
    }

    /// <summary>The run's opaque id.</summary>
    [JsonInclude]
    public string RunId { get; internal set; } = string.Empty;

    /// <summary>The id of the report this run belongs to.</summary>
    [JsonInclude]
    public string ReportId { get; internal set; } = string.Empty;

    /// <summary>The run's state. <see cref="RunStatus.IsTerminal"/> tells whether it has finished.</summary>
    [JsonInclude]
    public RunStatus Status { get; internal set; }

    /// <summary>The first day the run covers (UTC, inclusive).</summary>
    [JsonInclude]
    public DateOnly? From { get; internal set; }

    /// <summary>The last day the run covers (UTC, inclusive).</summary>
    [JsonInclude]
    public DateOnly? To { get; internal set; }

    /// <summary>When the run was created (UTC).</summary>
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the run finished (UTC); <see langword="null"/> while it is in progress.</summary>
    [JsonInclude]
    public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>
    /// The pre-signed URL of the artifact on the download host, valid for one hour. Present only
    /// for a completed run with something to download; a run pushed to its destination has none.
    /// It must be fetched without the API key.
    /// </summary>
    [JsonInclude]
    public Uri? DownloadUrl { get; internal set; }

    /// <summary>When <see cref="DownloadUrl"/> stops working (UTC).</summary>
    [JsonInclude]
    public DateTimeOffset? DownloadUrlExpiresAt { get; internal set; }

    /// <summary>Why the run failed; set when <see cref="Status"/> is <see cref="RunStatus.Failed"/>.</summary>
    [JsonInclude]
    public RunError? Error { get; internal set; }

    /// <inheritdoc />
    // The download URL's query string is a credential, so it is never part of the text.
    public override string ToString() => $"{RunId} of {ReportId} ({Status})";
}
