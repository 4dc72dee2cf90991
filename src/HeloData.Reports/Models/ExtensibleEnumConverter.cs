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
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String => T.FromWire(reader.GetString()!),
            JsonTokenType.Null => default,
            _ => throw new JsonException($"Expected a JSON string for {typeof(T).Name}, got {reader.TokenType}."),
        };
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
