using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// CSV and TSV with Sep: UTF-8 without a byte order mark, a header row, fixed line ends. Rows are
/// encoded as they are enumerated and handed on every <see cref="PendingBytes.DrainThreshold"/> bytes
/// or so, so memory stays flat whatever the row count.
/// </summary>
internal static class DelimitedEncoder
{
    // How many rows are written between two looks at the pending bytes; rows are short, so this
    // keeps what is held near the drain threshold.
    private const int RowsPerCheck = 256;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// RFC 4180: comma, CRLF line ends, and a field quoted (its quotes doubled) only when it holds a
    /// comma, quote or line break.
    /// </summary>
    public static Task CsvAsync(ArtifactTable table, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(table, output, ',', "\r\n", escape: true, cancellationToken);

    /// <summary>
    /// IANA text/tab-separated-values: tab, LF line ends and no quoting at all, because the format has
    /// none; the row sources never produce a tab, quote or line break, and this is checked.
    /// </summary>
    public static Task TsvAsync(ArtifactTable table, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(table, output, '\t', "\n", escape: false, cancellationToken);

    private static async Task WriteAsync(ArtifactTable table, Stream output, char separator, string newLine, bool escape, CancellationToken cancellationToken)
    {
        var pending = new PendingBytes();

        // Sep ends rows with the TextWriter's NewLine, which defaults to Environment.NewLine; setting
        // it keeps the bytes the same on every OS. The writer is flushed only between rows, so a
        // character is never split across two drains.
        var text = new StreamWriter(pending, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = newLine };
        await using (text.ConfigureAwait(false))
        {
            var options = Sep.New(separator).Writer(o => o with { Escape = escape, CultureInfo = CultureInfo.InvariantCulture });
            using (var writer = options.To(text, leaveOpen: true))
            {
                // Written up front so an artifact without rows still names its columns.
                writer.Header.Add(table.Columns.Select(column => column.Name).ToArray());
                writer.Header.Write();

                var rows = 0;
                foreach (var values in table.Rows)
                {
                    WriteRow(writer, table.Columns, values, escape);
                    if (++rows % RowsPerCheck == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        text.Flush();
                        if (pending.Count >= PendingBytes.DrainThreshold)
                        {
                            await pending.DrainAsync(output, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            text.Flush();
            await pending.DrainAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteRow(SepWriter writer, IReadOnlyList<ArtifactColumn> columns, object[] values, bool escape)
    {
        Span<char> buffer = stackalloc char[ArtifactText.MaxFormattedLength];
        using var row = writer.NewRow();
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = ArtifactText.Format(columns[i], values[i], buffer);
            if (!escape && cell.IndexOfAny("\t\r\n\"") >= 0)
            {
                throw new InvalidOperationException(
                    $"Column '{columns[i].Name}' has a value TSV cannot carry: '{cell}'.");
            }

            row[i].Set(cell);
        }
    }
}
