using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>CSV and TSV with Sep: UTF-8 without a byte order mark, a header row, fixed line ends.</summary>
internal static class DelimitedEncoder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// RFC 4180: comma, CRLF line ends, and a field quoted (its quotes doubled) only when it holds a
    /// comma, quote or line break.
    /// </summary>
    public static byte[] Csv(ArtifactTable table) => Encode(table, ',', "\r\n", escape: true);

    /// <summary>
    /// IANA text/tab-separated-values: tab, LF line ends and no quoting at all, because the format has
    /// none; the row sources never produce a tab, quote or line break, and this is checked.
    /// </summary>
    public static byte[] Tsv(ArtifactTable table) => Encode(table, '\t', "\n", escape: false);

    private static byte[] Encode(ArtifactTable table, char separator, string newLine, bool escape)
    {
        // Sep ends rows with the TextWriter's NewLine, which defaults to Environment.NewLine; setting
        // it keeps the bytes the same on every OS.
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = newLine };
        var options = Sep.New(separator).Writer(o => o with { Escape = escape, CultureInfo = CultureInfo.InvariantCulture });
        using (var writer = options.To(text, leaveOpen: true))
        {
            // Written up front so an artifact without rows still names its columns.
            writer.Header.Add(table.Columns.Select(column => column.Name).ToArray());
            writer.Header.Write();

            foreach (var values in table.Rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var cell = CellText.Format(table.Columns[i], values[i]);
                    if (!escape && cell.AsSpan().IndexOfAny("\t\r\n\"") >= 0)
                    {
                        throw new InvalidOperationException(
                            $"Column '{table.Columns[i].Name}' has a value TSV cannot carry: '{cell}'.");
                    }

                    row[i].Set(cell);
                }
            }
        }

        return Utf8.GetBytes(text.ToString());
    }
}
