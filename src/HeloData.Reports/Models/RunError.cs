using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Why a run failed (a failed run's <c>error</c> object).</summary>
public sealed class RunError
{
    /// <summary>The machine-readable reason.</summary>
    [JsonInclude]
    public ReportsErrorCode Code { get; internal set; }

    /// <summary>A human-readable explanation.</summary>
    [JsonInclude]
    public string Message { get; internal set; } = string.Empty;

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
    public override string ToString() => $"{Code}: {Message}";
}
