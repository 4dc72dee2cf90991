using System.ComponentModel;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The file format of a report's artifact (the report's <c>format</c>).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportFormat>))]
public readonly struct ReportFormat : IEquatable<ReportFormat>, IExtensibleEnum<ReportFormat>
{
    private readonly string? _value;

    /// <summary>Creates a report format from its wire value; any non-null string is accepted.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ReportFormat(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>UTF-8, comma-separated, with a header row (<c>csv</c>).</summary>
    public static ReportFormat Csv { get; } = new("csv");

    /// <summary>UTF-8, tab-separated (<c>tsv</c>).</summary>
    public static ReportFormat Tsv { get; } = new("tsv");

    /// <summary>Newline-delimited JSON (NDJSON); the published page spells it <c>json</c> (<c>json</c>).</summary>
    public static ReportFormat Json { get; } = new("json");

    /// <summary>Apache Parquet, best for <c>s3</c> and <c>gcs</c> destinations (<c>parquet</c>).</summary>
    public static ReportFormat Parquet { get; } = new("parquet");

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both name the same value.</returns>
    public static bool operator ==(ReportFormat left, ReportFormat right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(ReportFormat left, ReportFormat right) => !left.Equals(right);

    /// <summary>Converts a wire string to a report format.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    public static implicit operator ReportFormat(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ReportFormat other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ReportFormat other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The value exactly as the API spells it.</returns>
    public override string ToString() => _value ?? string.Empty;

    string? IExtensibleEnum<ReportFormat>.WireValue => _value;

    static ReportFormat IExtensibleEnum<ReportFormat>.FromWire(string value) => new(value);
}
