using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeloData.Reports.Models;

namespace HeloData.Reports.Cli;

/// <summary>
/// <c>--json</c>: the service's JSON for the resource (through <see cref="ReportsJson"/>, so fields this
/// SDK version does not know are kept), indented, as one document on stdout. One member is left out: a
/// webhook destination's <c>signing_secret</c>, should the service send it back, since stdout ends up in
/// logs and terminals (the contract lets a response leave it out, so the document still keeps it).
/// </summary>
internal static class JsonOutput
{
    // Relaxed escaping keeps '+', '<' and non-ASCII readable; the output is a terminal or a pipe, never HTML.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, string json) => Write(output, writer => WriteWithoutSecret(writer, json));

    /// <summary>All reports, every page, as one array of the service's report objects.</summary>
    public static void WriteReports(TextWriter output, IEnumerable<Report> reports) => Write(output, writer =>
    {
        writer.WriteStartArray();
        foreach (var report in reports)
        {
            WriteWithoutSecret(writer, ReportsJson.Serialize(report));
        }

        writer.WriteEndArray();
    });

    /// <summary>Occurrences as RFC 3339 strings, in the offset they were computed in.</summary>
    public static void WriteTimes(TextWriter output, IEnumerable<DateTimeOffset> times) => Write(output, writer =>
    {
        writer.WriteStartArray();
        foreach (var time in times)
        {
            writer.WriteStringValue(time);
        }

        writer.WriteEndArray();
    });

    private static void WriteWithoutSecret(Utf8JsonWriter writer, string json)
    {
        var node = JsonNode.Parse(json);
        if (node is JsonObject { } resource && resource["destination"] is JsonObject destination)
        {
            destination.Remove("signing_secret");
        }

        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
