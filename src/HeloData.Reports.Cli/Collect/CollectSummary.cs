using System.Text.Json;
using System.Text.Encodings.Web;

namespace HeloData.Reports.Cli.Collect;

/// <summary><c>collect</c>'s result on stdout: aligned lines, or with <c>--json</c> one document (snake_case, as the service's).</summary>
internal static class CollectSummary
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, CollectTotals totals, CollectSettings settings, bool json)
    {
        if (json)
        {
            WriteJson(output, totals, settings);
            return;
        }

        (string Name, string Value)[] lines =
        [
            ("passes", Formats.Count(totals.Passes) + (totals.PassesFailed > 0 ? $" ({totals.PassesFailed} stopped on an error)" : string.Empty)),
            ("reports", Formats.Count(totals.Reports)),
            ("collected", Formats.Count(totals.Collected)),
            ("already collected", Formats.Count(totals.AlreadyCollected)),
            ("in progress", Formats.Count(totals.InProgress)),
            ("failed", Formats.Count(totals.Failed)),
            ("gaps found", Formats.Count(totals.GapsFound)),
            ("backfills", Formats.Count(totals.BackfillsRequested)),
            ("state", settings.StateText),
            ("sinks", string.Join(", ", settings.SinkTexts())),
        ];
        var width = lines.Max(line => line.Name.Length) + 2;
        foreach (var (name, value) in lines)
        {
            output.WriteLine($"{name.PadRight(width)}{value}");
        }
    }

    private static void WriteJson(TextWriter output, CollectTotals totals, CollectSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writer.WriteNumber("passes", totals.Passes);
            writer.WriteNumber("passes_failed", totals.PassesFailed);
            writer.WriteBoolean("interrupted", totals.Interrupted);
            writer.WriteNumber("reports", totals.Reports);
            writer.WriteNumber("collected", totals.Collected);
            writer.WriteNumber("already_collected", totals.AlreadyCollected);
            writer.WriteNumber("in_progress", totals.InProgress);
            writer.WriteNumber("failed", totals.Failed);
            writer.WriteNumber("gaps_found", totals.GapsFound);
            writer.WriteNumber("backfills_requested", totals.BackfillsRequested);
            writer.WriteString("state", settings.StateText);
            writer.WriteStartArray("sinks");
            foreach (var sink in settings.SinkTexts())
            {
                writer.WriteStringValue(sink);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
