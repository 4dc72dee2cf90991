using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports.Cli;

/// <summary>
/// <c>--json</c>: the service's JSON for the resource (through <see cref="ReportsJson"/>, so fields this
/// SDK version does not know are kept), indented, as one document on stdout.
/// </summary>
internal static class JsonOutput
{
    // Relaxed escaping keeps '+', '<' and non-ASCII readable; the output is a terminal or a pipe, never HTML.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, string json) => Write(output, writer =>
    {
        using var document = JsonDocument.Parse(json);
        document.WriteTo(writer);
    });

    /// <summary>All reports, every page, as one array of the service's report objects.</summary>
    public static void WriteReports(TextWriter output, IEnumerable<Report> reports) => Write(output, writer =>
    {
        writer.WriteStartArray();
        foreach (var report in reports)
        {
            using var document = JsonDocument.Parse(ReportsJson.Serialize(report));
            document.WriteTo(writer);
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
