using System.Text.Encodings.Web;
using System.Text.Json;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Newline-delimited JSON: one object per row with the column names as keys, <c>\n</c> after every
/// line including the last, UTF-8 without a byte order mark. Rows are encoded as they are enumerated
/// and handed on every <see cref="PendingBytes.DrainThreshold"/> bytes or so.
/// </summary>
internal static class NdjsonEncoder
{
    private static readonly JsonWriterOptions Options = new()
    {
        // The file is data, never embedded in HTML, so 'é' and '&' stay readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static async Task WriteAsync(ArtifactTable table, Stream output, CancellationToken cancellationToken)
    {
        var pending = new PendingBytes();
        var json = new Utf8JsonWriter(pending, Options);
        await using (json.ConfigureAwait(false))
        {
            var names = table.Columns.Select(column => JsonEncodedText.Encode(column.Name, Options.Encoder)).ToArray();
            foreach (var values in table.Rows)
            {
                WriteLine(json, pending, table.Columns, names, values);
                if (pending.Count >= PendingBytes.DrainThreshold)
                {
                    await pending.DrainAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }

            await pending.DrainAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteLine(Utf8JsonWriter json, PendingBytes pending, IReadOnlyList<ArtifactColumn> columns, JsonEncodedText[] names, object[] values)
    {
        Span<char> buffer = stackalloc char[ArtifactText.MaxFormattedLength];
        json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = ArtifactText.Format(columns[i], values[i], buffer);
            json.WritePropertyName(names[i]);

            // Numbers go out in their CSV spelling, so money keeps its fixed decimals ("3.50").
            if (ArtifactText.IsNumber(columns[i].Kind))
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
        pending.WriteByte((byte)'\n');

        // One writer holds one JSON value; a reset lets it start the next line's object.
        json.Reset();
    }
}
