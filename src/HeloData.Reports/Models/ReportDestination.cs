using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Where a report's artifact is delivered. One of <see cref="EmailDestination"/>,
/// <see cref="WebhookDestination"/>, <see cref="S3Destination"/>, <see cref="GcsDestination"/>,
/// or <see cref="UnknownDestination"/> for a <c>type</c> this version of the SDK does not know.
/// </summary>
/// <remarks>
/// The JSON form is an object discriminated by its <c>type</c> property. Compared by value: two
/// destinations are equal when they are the same kind with the same fields, compared ordinally as they
/// are sent (a webhook's URL as written, its signing secret too), and the same
/// <see cref="ExtensibleModel.AdditionalProperties"/> (as JSON); the spelling of a known kind's
/// <see cref="Type"/> does not count, and an <see cref="UnknownDestination"/> is compared as JSON.
/// </remarks>
[JsonConverter(typeof(ReportDestinationConverter))]
public abstract class ReportDestination : ExtensibleModel, IEquatable<ReportDestination>
{
    // Only this assembly may add kinds: the converter must know every subclass.
    private protected ReportDestination(string? type)
    {
        Type = type;
    }

    /// <summary>
    /// The destination's <c>type</c> discriminator, spelled as the service sent it: <c>email</c>,
    /// <c>webhook</c>, <c>s3</c>, <c>gcs</c> (a known type is recognised ignoring case, and its spelling is
    /// still written back unchanged), a type this SDK does not know, or <see langword="null"/> when an
    /// unknown destination has none. Match on the destination's class to tell the known kinds apart.
    /// </summary>
    [JsonPropertyOrder(-1)]
    [JsonInclude]
    public string? Type { get; internal init; }

    /// <summary>Compares two destinations by value; <see langword="null"/> equals only <see langword="null"/>.</summary>
    /// <param name="left">The first destination.</param>
    /// <param name="right">The second destination.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal by value.</returns>
    public static bool operator ==(ReportDestination? left, ReportDestination? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two destinations by value.</summary>
    /// <param name="left">The first destination.</param>
    /// <param name="right">The second destination.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ReportDestination? left, ReportDestination? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(ReportDestination? other) =>
        ReferenceEquals(this, other)
        || (other is not null && other.GetType() == GetType() && SameFields(other) && SameAdditionalProperties(other));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportDestination);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GetType(), FieldsHashCode());

    /// <summary>Whether <paramref name="other"/>, of the same class, has the same fields.</summary>
    private protected abstract bool SameFields(ReportDestination other);

    /// <summary>A hash code of the fields <see cref="SameFields"/> compares (or of fewer).</summary>
    private protected abstract int FieldsHashCode();
}
