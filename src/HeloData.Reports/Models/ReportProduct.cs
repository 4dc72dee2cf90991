using System.ComponentModel;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A HeloData proxy product, as used in a report's <c>filters.products</c>.
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportProduct>))]
public readonly struct ReportProduct : IEquatable<ReportProduct>, IExtensibleEnum<ReportProduct>
{
    private readonly string? _value;

    /// <summary>Creates a product from its wire value; any non-null string is accepted.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ReportProduct(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Residential proxies (documented) (<c>residential</c>).</summary>
    public static ReportProduct Residential { get; } = new("residential");

    /// <summary>Mobile proxies (documented) (<c>mobile</c>).</summary>
    public static ReportProduct Mobile { get; } = new("mobile");

    /// <summary>Datacenter proxies (assumed by the contract, not on the published page) (<c>datacenter</c>).</summary>
    public static ReportProduct Datacenter { get; } = new("datacenter");

    /// <summary>ISP proxies (assumed by the contract, not on the published page) (<c>isp</c>).</summary>
    public static ReportProduct Isp { get; } = new("isp");

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both name the same value.</returns>
    public static bool operator ==(ReportProduct left, ReportProduct right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(ReportProduct left, ReportProduct right) => !left.Equals(right);

    /// <summary>Converts a wire string to a product.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    public static implicit operator ReportProduct(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ReportProduct other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ReportProduct other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The value exactly as the API spells it.</returns>
    public override string ToString() => _value ?? string.Empty;

    string? IExtensibleEnum<ReportProduct>.WireValue => _value;

    static ReportProduct IExtensibleEnum<ReportProduct>.FromWire(string value) => new(value);
}
