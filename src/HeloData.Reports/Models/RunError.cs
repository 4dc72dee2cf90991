using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Why a run failed (a failed run's <c>error</c> object).</summary>
public sealed class RunError
{
    /// <summary>The machine-readable reason.</summary>
    public ReportsErrorCode Code { get; init; }

    /// <summary>A human-readable explanation.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Properties the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
