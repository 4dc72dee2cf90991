using System.ComponentModel;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The kind of data a report exports (the report's <c>type</c>).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportType>))]
public readonly struct ReportType : IEquatable<ReportType>, IExtensibleEnum<ReportType>
{
    private readonly string? _value;

    /// <summary>Creates a report type from its wire value; any non-null string is accepted.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ReportType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Aggregated bandwidth per sub-user, product and day (<c>traffic</c>).</summary>
    public static ReportType Traffic { get; } = new("traffic");

    /// <summary>Sampled per-request log (<c>requests</c>).</summary>
    public static ReportType Requests { get; } = new("requests");

    /// <summary>Invoice line items (<c>invoices</c>).</summary>
    public static ReportType Invoices { get; } = new("invoices");

    /// <summary>Sub-user inventory snapshot (<c>subusers</c>).</summary>
    public static ReportType Subusers { get; } = new("subusers");

    /// <summary>ISP batch inventory with per-IP health (<c>isp_batches</c>).</summary>
    public static ReportType IspBatches { get; } = new("isp_batches");

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both name the same value.</returns>
    public static bool operator ==(ReportType left, ReportType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(ReportType left, ReportType right) => !left.Equals(right);

    /// <summary>Converts a wire string to a report type.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    public static implicit operator ReportType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ReportType other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ReportType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The value exactly as the API spells it.</returns>
    public override string ToString() => _value ?? string.Empty;

    string? IExtensibleEnum<ReportType>.WireValue => _value;

    static ReportType IExtensibleEnum<ReportType>.FromWire(string value) => new(value);
}
