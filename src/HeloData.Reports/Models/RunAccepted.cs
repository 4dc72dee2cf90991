using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>The <c>202</c> answer to <c>POST /reports/{id}/run</c>: the new run's id and first status.</summary>
public sealed class RunAccepted : ExtensibleModel
{
    // Built by the JSON reader and by ReportsModelFactory only: a response is never made by hand.
    [JsonConstructor]
    internal RunAccepted()
    {
    }

    /// <summary>The new run's opaque id, such as <c>run_01HX2K3PQ4M5</c>.</summary>
    [JsonInclude]
    public string RunId { get; internal set; } = string.Empty;

    /// <summary>The run's status when accepted, normally <see cref="RunStatus.Queued"/>.</summary>
    [JsonInclude]
    public RunStatus Status { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{RunId} ({Status})";
}
