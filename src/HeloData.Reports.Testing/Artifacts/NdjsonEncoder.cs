using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Newline-delimited JSON: one object per row with the column names as keys, <c>\n</c> after every
/// line including the last, UTF-8 without a byte order mark.
/// </summary>
internal static class NdjsonEncoder
{
    private static readonly JsonWriterOptions Options = new()
    {
        // The file is data, never embedded in HTML, so 'é' and '&' stay readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static byte[] Encode(ArtifactTable table)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, Options);
        foreach (var values in table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                var cell = CellText.Format(column, values[i]);
                json.WritePropertyName(column.Name);

                // Numbers go out in their CSV spelling, so money keeps its fixed decimals ("3.50").
                if (CellText.IsNumber(column.Kind))
                {
                    json.WriteRawValue(cell);
                }
                else
                {
                    json.WriteStringValue(cell);
                }
            }

            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);

            // One writer holds one JSON value; a reset lets it start the next line's object.
            json.Reset(buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
