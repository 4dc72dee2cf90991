using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeloData.Reports;

/// <summary>
/// Wire assumption: timestamps are RFC 3339 in UTC (<c>2026-05-01T09:00:00Z</c>).
/// </summary>
/// <remarks>
/// System.Text.Json would write a zero offset as <c>+00:00</c>; this converter writes the <c>Z</c>
/// form the contract shows, drops an all-zero fraction, and reads any RFC 3339 offset (a value with
/// no offset is taken as UTC, as the contract says every timestamp is).
/// </remarks>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    // 'F' digits vanish when zero, and so does the '.' before them: 09:00:00Z, 09:00:00.5Z.
    internal const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an RFC 3339 timestamp string, got {reader.TokenType}.");
        }

        // The contract's own form (…Z) parses straight from the UTF-8 bytes, with no string.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan is [.., (byte)'Z']
            && reader.TryGetDateTimeOffset(out var utc))
        {
            return utc.ToUniversalTime();
        }

        var text = reader.GetString();
        if (!DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 timestamp.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[32];
        value.UtcDateTime.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
