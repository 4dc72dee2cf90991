using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HeloData.Reports.Models;

/// <summary>
/// Reads and writes the destination family, discriminated by <c>type</c>. An unknown type, or a known
/// type whose object does not fit that type's shape (<see cref="DestinationShape"/>: a field missing,
/// of the wrong JSON type, or renamed), becomes an <see cref="UnknownDestination"/> holding its raw JSON,
/// which is written back byte for byte. One reshaped destination never fails a whole report or list page.
/// </summary>
/// <remarks>
/// Hand-written rather than <c>[JsonPolymorphic]</c>: that feature can only fall back to the base type
/// for an unknown discriminator (losing the payload) and, on .NET 8, needs the discriminator first.
/// </remarks>
internal sealed class ReportDestinationConverter : JsonConverter<ReportDestination>
{
    /// <summary>Wire assumption: the name of the discriminator property.</summary>
    internal const string Discriminator = "type";

    // Wire assumption: the page's destination types.
    internal const string EmailType = "email";
    internal const string WebhookType = "webhook";
    internal const string S3Type = "s3";
    internal const string GcsType = "gcs";

    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(ReportDestination);

    public override ReportDestination Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A destination must be a JSON object, got {reader.TokenType}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var type = ReadDiscriminator(root);

        ReportDestination? known = Is(type, EmailType) ? TryDeserialize<EmailDestination>(root, options)
            : Is(type, WebhookType) ? TryDeserialize<WebhookDestination>(root, options)
            : Is(type, S3Type) ? TryDeserialize<S3Destination>(root, options)
            : Is(type, GcsType) ? TryDeserialize<GcsDestination>(root, options)
            : null;
        return known is not null && DestinationShape.FindFault(known, sending: false) is null ? known : new UnknownDestination(root);
    }

    public override void Write(Utf8JsonWriter writer, ReportDestination value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case EmailDestination email: Serialize(writer, email, options); break;
            case WebhookDestination webhook: Serialize(writer, webhook, options); break;
            case S3Destination s3: Serialize(writer, s3, options); break;
            case GcsDestination gcs: Serialize(writer, gcs, options); break;
            case UnknownDestination unknown: unknown.RawJson.WriteTo(writer); break;
            default: throw new JsonException($"No JSON form is defined for {value.GetType().Name}.");
        }
    }

    /// <summary>The object's <c>type</c>, or <see langword="null"/> when it has no string <c>type</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not a JSON object.</exception>
    internal static string? ReadDiscriminator(JsonElement destination)
    {
        if (destination.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A destination must be a JSON object, not {destination.ValueKind}.", nameof(destination));
        }

        return destination.TryGetProperty(Discriminator, out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
    }

    // Case-insensitive, like the value types: "EMAIL" is an e-mail destination, written back as "EMAIL".
    private static bool Is(string? type, string known) => string.Equals(type, known, StringComparison.OrdinalIgnoreCase);

    // A field of the wrong JSON type fails the typed read, a missing one the constructor's null check.
    private static T? TryDeserialize<T>(JsonElement element, JsonSerializerOptions options)
        where T : ReportDestination
    {
        try
        {
            return element.Deserialize(TypeInfo<T>(options));
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static void Serialize<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        where T : ReportDestination =>
        JsonSerializer.Serialize(writer, value, TypeInfo<T>(options));

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
