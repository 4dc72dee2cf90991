using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeloData.Reports.Models;

/// <summary>
/// A destination whose <c>type</c> this version of the SDK does not know, or whose object does not fit
/// the shape of its known type (a field missing or renamed, such as <c>{"type":"email","emails":[…]}</c>).
/// Its JSON is kept whole in <see cref="RawJson"/> and written back exactly as it came.
/// </summary>
/// <remarks>
/// <see cref="ReportDestination.Type"/> may therefore name a known type. The client sends it unchecked:
/// its rules are the service's to judge.
/// </remarks>
public sealed class UnknownDestination : ReportDestination
{
    /// <summary>Wraps the JSON object of a destination the SDK does not model.</summary>
    /// <param name="rawJson">The destination's whole JSON object, including its <c>type</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="rawJson"/> is not a JSON object.</exception>
    /// <remarks><see cref="ReportDestination.Type"/> is the object's <c>type</c>, or <see langword="null"/> when it has none.</remarks>
    public UnknownDestination(JsonElement rawJson)
        : base(ReportDestinationConverter.ReadDiscriminator(rawJson))
    {
        RawJson = rawJson.Clone();
    }

    /// <summary>The destination's JSON object, exactly as received.</summary>
    public JsonElement RawJson { get; }

    /// <inheritdoc />
    // The fields are unknown, so any of them could be a secret: show only the type.
    public override string ToString() => $"{Type ?? "(no type)"} (unknown destination type)";

    private protected override bool SameFields(ReportDestination other) =>
        other is UnknownDestination unknown && JsonNode.DeepEquals(JsonObject.Create(RawJson), JsonObject.Create(unknown.RawJson));

    // Equal JSON has the same type, spelled the same.
    private protected override int FieldsHashCode() => (Type ?? "").GetHashCode(StringComparison.Ordinal);
}
