using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>The <c>202</c> answer to <c>POST /reports/{id}/run</c>: the new run's id and first status.</summary>
public sealed class RunAccepted
{
    /// <summary>The new run's opaque id, such as <c>run_01HX2K3PQ4M5</c>.</summary>
    [JsonInclude]
    public string RunId { get; internal set; } = string.Empty;

    /// <summary>The run's status when accepted, normally <see cref="RunStatus.Queued"/>.</summary>
    [JsonInclude]
    public RunStatus Status { get; internal set; }

    /// <summary>Properties the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties
    {
        // Made on first use: most responses have no unknown fields, and this is on every call's path.
        get => _additionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        internal set => _additionalProperties = value;
    }

    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <inheritdoc />
    public override string ToString() => $"{RunId} ({Status})";
}
