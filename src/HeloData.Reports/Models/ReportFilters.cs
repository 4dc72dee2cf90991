using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Which data a report covers (the report's <c>filters</c> object).</summary>
public sealed class ReportFilters : ExtensibleModel
{
    /// <summary>The products to include; <see langword="null"/> when not filtered by product.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReportProduct>? Products { get; init; }
}
