using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>A run of a report, as <c>GET /reports/runs/{id}</c> returns it.</summary>
public sealed class ReportRun
{
    /// <summary>The run's opaque id.</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>The id of the report this run belongs to.</summary>
    public string ReportId { get; init; } = string.Empty;

    /// <summary>The run's state. <see cref="RunStatus.IsTerminal"/> tells whether it has finished.</summary>
    public RunStatus Status { get; init; }

    /// <summary>The first day the run covers (UTC, inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day the run covers (UTC, inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>When the run was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the run finished (UTC); <see langword="null"/> while it is in progress.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>
    /// The pre-signed URL of the artifact on the download host, valid for one hour. Present only
    /// for a completed run with something to download; a run pushed to its destination has none.
    /// It must be fetched without the API key.
    /// </summary>
    public Uri? DownloadUrl { get; init; }

    /// <summary>When <see cref="DownloadUrl"/> stops working (UTC).</summary>
    public DateTimeOffset? DownloadUrlExpiresAt { get; init; }

    /// <summary>Why the run failed; set when <see cref="Status"/> is <see cref="RunStatus.Failed"/>.</summary>
    public RunError? Error { get; init; }

    /// <summary>Properties the service sent that this SDK does not model; kept and written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <inheritdoc />
    // The download URL's query string is a credential, so it is never part of the text.
    public override string ToString() => $"{RunId} of {ReportId} ({Status})";
}
