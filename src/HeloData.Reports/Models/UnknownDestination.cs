using System.Text.Json;
using HeloData.Reports.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A destination whose <c>type</c> this version of the SDK does not know. Its JSON is kept whole
/// in <see cref="RawJson"/> and written back exactly as it came.
/// </summary>
public sealed class UnknownDestination : ReportDestination
{
    private readonly DestinationType _type;

    /// <summary>Wraps the JSON object of a destination the SDK does not model.</summary>
    /// <param name="rawJson">The destination's whole JSON object, including its <c>type</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="rawJson"/> is not a JSON object.</exception>
    public UnknownDestination(JsonElement rawJson)
    {
        if (rawJson.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A destination must be a JSON object, not {rawJson.ValueKind}.", nameof(rawJson));
        }

        RawJson = rawJson.Clone();
        _type = RawJson.TryGetProperty(ReportDestinationConverter.Discriminator, out var type) && type.ValueKind == JsonValueKind.String
            ? new DestinationType(type.GetString()!)
            : default;
    }

    /// <summary>The <c>type</c> the service sent, or <c>default</c> when it sent none.</summary>
    public override DestinationType Type => _type;

    /// <summary>The destination's JSON object, exactly as received.</summary>
    public JsonElement RawJson { get; }

    /// <inheritdoc />
    // The fields are unknown, so any of them could be a secret: show only the type.
    public override string ToString() => $"{Type} (unknown destination type)";
}
