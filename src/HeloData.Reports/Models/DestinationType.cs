using System.ComponentModel;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Where a report is delivered (a destination's <c>type</c> discriminator).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<DestinationType>))]
public readonly struct DestinationType : IEquatable<DestinationType>, IExtensibleEnum<DestinationType>
{
    private readonly string? _value;

    /// <summary>Creates a destination type from its wire value; any non-null string is accepted.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public DestinationType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>An email address (<c>email</c>).</summary>
    public static DestinationType Email { get; } = new("email");

    /// <summary>An HTTPS webhook, signed with a shared secret (<c>webhook</c>).</summary>
    public static DestinationType Webhook { get; } = new("webhook");

    /// <summary>An Amazon S3 bucket, written through a cross-account role (<c>s3</c>).</summary>
    public static DestinationType S3 { get; } = new("s3");

    /// <summary>A Google Cloud Storage bucket, written through a service account (<c>gcs</c>).</summary>
    public static DestinationType Gcs { get; } = new("gcs");

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both name the same value.</returns>
    public static bool operator ==(DestinationType left, DestinationType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(DestinationType left, DestinationType right) => !left.Equals(right);

    /// <summary>Converts a wire string to a destination type.</summary>
    /// <param name="value">The value as it appears in the API's JSON.</param>
    public static implicit operator DestinationType(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(DestinationType other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is DestinationType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The value exactly as the API spells it.</returns>
    public override string ToString() => _value ?? string.Empty;

    string? IExtensibleEnum<DestinationType>.WireValue => _value;

    static DestinationType IExtensibleEnum<DestinationType>.FromWire(string value) => new(value);
}
