using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>Which data a report covers (the report's <c>filters</c> object).</summary>
/// <remarks>
/// Compared by value: two filters are equal when they list the same products in the same order and
/// hold the same <see cref="ExtensibleModel.AdditionalProperties"/> (compared as JSON).
/// </remarks>
public sealed class ReportFilters : ExtensibleModel, IEquatable<ReportFilters>
{
    private readonly IReadOnlyList<ReportProduct>? _products;

    /// <summary>The products to include; <see langword="null"/> when not filtered by product.</summary>
    /// <remarks>A copy of the list given, so changing that list later changes neither these filters nor their hash code.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReportProduct>? Products
    {
        get => _products;
        init => _products = value is null ? null : Array.AsReadOnly(value.ToArray());
    }

    /// <summary>Compares two filters by value; <see langword="null"/> equals only <see langword="null"/>.</summary>
    /// <param name="left">The first filters.</param>
    /// <param name="right">The second filters.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal by value.</returns>
    public static bool operator ==(ReportFilters? left, ReportFilters? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two filters by value.</summary>
    /// <param name="left">The first filters.</param>
    /// <param name="right">The second filters.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ReportFilters? left, ReportFilters? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(ReportFilters? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && (Products is null ? other.Products is null : other.Products is not null && Products.SequenceEqual(other.Products))
            && SameAdditionalProperties(other));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportFilters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var product in Products ?? [])
        {
            hash.Add(product);
        }

        return hash.ToHashCode();
    }
}
