using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// Reads and writes a string-backed value type as a plain JSON string. Any string is accepted,
/// so a sixth report type or a new run status deserializes and serializes back unchanged.
/// </summary>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    // The value read last: a wait reads the same status poll after poll, so the same text is reused
    // rather than allocated again (docs/benchmarks.md, P1 bytes). A struct of one reference: written
    // and read whole, so threads can share it.
    private static T s_last;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var last = s_last;
            return last.WireValue is { } text && reader.ValueTextEquals(text) ? last : s_last = T.FromWire(reader.GetString()!);
        }

        return reader.TokenType == JsonTokenType.Null
            ? default
            : throw new JsonException($"Expected a JSON string for {typeof(T).Name}, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value.WireValue is { } wire)
        {
            writer.WriteStringValue(wire);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
