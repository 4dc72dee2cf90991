using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Which data a report covers (the report's <c>filters</c> object).</summary>
public sealed class ReportFilters
{
    /// <summary>The products to include; <see langword="null"/> when not filtered by product.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReportProduct>? Products { get; init; }

    /// <summary>Filter properties this SDK does not model; kept and written back unchanged.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties
    {
        // Made on first use: most responses have no unknown fields, and this is on every call's path.
        get => _additionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        internal set => _additionalProperties = value;
    }

    private IDictionary<string, JsonElement>? _additionalProperties;
}
