using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HeloData.Reports.Models;

namespace HeloData.Reports.Serialization;

/// <summary>
/// Writes a <see cref="ReportUpdate"/> as a JSON merge-patch (RFC 7396): only assigned fields,
/// <c>null</c> where one was assigned <see langword="null"/>. Reading does the reverse, so the
/// sandbox and tests can see exactly which fields a patch carried.
/// </summary>
internal sealed class ReportUpdateConverter : JsonConverter<ReportUpdate>
{
    // Wire names come from the context's naming policy, so they cannot drift from Report's.
    private static readonly string NameProperty = WireName(nameof(ReportUpdate.Name));
    private static readonly string TypeProperty = WireName(nameof(ReportUpdate.Type));
    private static readonly string FiltersProperty = WireName(nameof(ReportUpdate.Filters));
    private static readonly string ScheduleProperty = WireName(nameof(ReportUpdate.Schedule));
    private static readonly string FormatProperty = WireName(nameof(ReportUpdate.Format));
    private static readonly string DestinationProperty = WireName(nameof(ReportUpdate.Destination));

    internal static IReadOnlyList<string> ChangedFields(ReportUpdate update)
    {
        var fields = new List<string>();
        AddIfSet(fields, NameProperty, update.NameField.IsSet);
        AddIfSet(fields, TypeProperty, update.TypeField.IsSet);
        AddIfSet(fields, FiltersProperty, update.FiltersField.IsSet);
        AddIfSet(fields, ScheduleProperty, update.ScheduleField.IsSet);
        AddIfSet(fields, FormatProperty, update.FormatField.IsSet);
        AddIfSet(fields, DestinationProperty, update.DestinationField.IsSet);
        fields.AddRange(update.AdditionalProperties.Keys);
        return fields;
    }

    public override void Write(Utf8JsonWriter writer, ReportUpdate value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteField(writer, NameProperty, value.NameField, options);
        WriteField(writer, TypeProperty, value.TypeField, options);
        WriteField(writer, FiltersProperty, value.FiltersField, options);
        WriteField(writer, ScheduleProperty, value.ScheduleField, options);
        WriteField(writer, FormatProperty, value.FormatField, options);
        WriteField(writer, DestinationProperty, value.DestinationField, options);
        foreach (var (name, element) in value.AdditionalProperties)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public override ReportUpdate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A report update must be a JSON object, got {reader.TokenType}.");
        }

        var update = new ReportUpdate();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == NameProperty) update.NameField = ReadField<string>(ref reader, options);
            else if (name == TypeProperty) update.TypeField = ReadField<ReportType?>(ref reader, options);
            else if (name == FiltersProperty) update.FiltersField = ReadField<ReportFilters>(ref reader, options);
            else if (name == ScheduleProperty) update.ScheduleField = ReadField<string>(ref reader, options);
            else if (name == FormatProperty) update.FormatField = ReadField<ReportFormat?>(ref reader, options);
            else if (name == DestinationProperty) update.DestinationField = ReadField<ReportDestination>(ref reader, options);
            else update.AdditionalProperties[name] = JsonElement.ParseValue(ref reader);
        }

        return update;
    }

    private static void WriteField<T>(Utf8JsonWriter writer, string name, PatchField<T> field, JsonSerializerOptions options)
    {
        if (!field.IsSet)
        {
            return;
        }

        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, field.Value, TypeInfo<T>(options));
    }

    private static PatchField<T> ReadField<T>(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, TypeInfo<T>(options)));

    private static JsonTypeInfo<T?> TypeInfo<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T?>)options.GetTypeInfo(typeof(T));

    private static void AddIfSet(List<string> fields, string name, bool isSet)
    {
        if (isSet)
        {
            fields.Add(name);
        }
    }

    private static string WireName(string clrName) =>
        ReportsJsonContext.Default.Options.PropertyNamingPolicy!.ConvertName(clrName);
}
