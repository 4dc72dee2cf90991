using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HeloData.Reports.Models;

/// <summary>
/// Writes a <see cref="ReportUpdate"/> as a JSON merge-patch (RFC 7396): only assigned fields,
/// <c>null</c> where one was assigned <see langword="null"/>, then the additional properties. Write-only:
/// the SDK never reads a patch.
/// </summary>
internal sealed class ReportUpdateConverter : JsonConverter<ReportUpdate>
{
    public override ReportUpdate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A report update is only ever written.");

    public override void Write(Utf8JsonWriter writer, ReportUpdate value, JsonSerializerOptions options)
    {
        // Names from the options' naming policy, as Report's own are written: they cannot drift apart.
        writer.WriteStartObject();
        WriteField(writer, nameof(ReportUpdate.Name), value.NameField, options);
        WriteField(writer, nameof(ReportUpdate.Type), value.TypeField, options);
        WriteField(writer, nameof(ReportUpdate.Filters), value.FiltersField, options);
        WriteField(writer, nameof(ReportUpdate.Schedule), value.ScheduleField, options);
        WriteField(writer, nameof(ReportUpdate.Format), value.FormatField, options);
        WriteField(writer, nameof(ReportUpdate.Destination), value.DestinationField, options);
        foreach (var (name, element) in value.AdditionalProperties)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteField<T>(Utf8JsonWriter writer, string clrName, PatchField<T> field, JsonSerializerOptions options)
    {
        if (!field.IsSet)
        {
            return;
        }

        writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(clrName) ?? clrName);
        JsonSerializer.Serialize(writer, field.Value, (JsonTypeInfo<T?>)options.GetTypeInfo(typeof(T)));
    }
}
