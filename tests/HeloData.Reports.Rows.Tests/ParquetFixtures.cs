using System.IO.Compression;
using System.Text;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// The parquet files DuckDB wrote (Fixtures/generate.mjs) and the rows each must give: the csv the same
/// script wrote beside it (gzipped for the files of several row groups), parsed here by hand so the
/// expected side does not go through the reader under test.
/// </summary>
internal static class ParquetFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The fixtures' names, without extension: <c>traffic-v2-zstd</c>, …</summary>
    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.parquet").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static byte[] Parquet(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".parquet"));

    /// <summary>The report type a fixture's name starts with.</summary>
    public static string Report(string name) => name[..name.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>The expected rows: header first, each a list of cells.</summary>
    public static List<string[]> Expected(string name)
    {
        var csv = Path.Combine(Folder, name + ".csv");
        string text;
        if (File.Exists(csv))
        {
            text = File.ReadAllText(csv, Encoding.UTF8);
        }
        else
        {
            using var gzip = new GZipStream(File.OpenRead(csv + ".gz"), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            text = reader.ReadToEnd();
        }

        return ParseCsv(text);
    }

    /// <summary>RFC 4180 as DuckDB writes it: CRLF rows, fields quoted only when needed, quotes doubled.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. cells]);
                cells.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
