using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace HeloData.Reports.Testing.Tests.Artifacts;

/// <summary>An artifact parsed back: its header and each row's cells as text, keyed by column.</summary>
internal sealed record ParsedArtifact(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public IEnumerable<string> Column(string name) => Rows.Select(row => row[name]);

    /// <summary>Each row as one line, for comparing whole artifacts across formats.</summary>
    public IEnumerable<string> Lines() => Rows.Select(row => string.Join(" | ", Columns.Select(column => row[column])));
}

/// <summary>
/// Reads artifacts with independent, ordinary readers (Sep, JsonDocument, Parquet.Net) rather than
/// the generator's own code, and spells every value the way the CSV does, so formats can be compared.
/// </summary>
internal static class ArtifactReader
{
    public static async Task<ParsedArtifact> ReadAsync(string format, byte[] bytes) => format switch
    {
        "csv" => ReadDelimited(bytes, ',', quoted: true),
        "tsv" => ReadDelimited(bytes, '\t', quoted: false),
        "json" => ReadNdjson(bytes),
        "parquet" => await ReadParquetAsync(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    private static ParsedArtifact ReadDelimited(byte[] bytes, char separator, bool quoted)
    {
        // Sep checks that every row has as many columns as the header, so a short row fails here.
        using var reader = Sep.New(separator)
            .Reader(o => o with { Unescape = quoted, DisableQuotesParsing = !quoted, CultureInfo = CultureInfo.InvariantCulture })
            .From(bytes);
        var columns = reader.Header.ColNames.ToArray();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < row.ColCount; i++)
            {
                cells[columns[i]] = row[i].ToString();
            }

            rows.Add(cells);
        }

        return new ParsedArtifact(columns, rows);
    }

    private static ParsedArtifact ReadNdjson(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.That(text, Does.EndWith("\n"), "NDJSON ends every line, the last one too, with \\n");
        var columns = new List<string>();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in text[..^1].Split('\n'))
        {
            using var document = JsonDocument.Parse(line);
            Assert.That(document.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object), line);
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            var names = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                names.Add(property.Name);
                cells[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => throw new AssertionException($"Unexpected JSON value {property.Value} in {line}"),
                };
            }

            if (columns.Count == 0)
            {
                columns = names;
            }

            Assert.That(names, Is.EqualTo(columns), "every NDJSON object has the same keys in the same order");
            rows.Add(cells);
        }

        return new ParsedArtifact(columns, rows);
    }

    private static async Task<ParsedArtifact> ReadParquetAsync(byte[] bytes)
    {
        var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes), new ParquetOptions { UseDateOnlyTypeForDates = true });
        await using var _ = reader;
        Assert.That(reader.RowGroupCount, Is.EqualTo(1), "one row group");
        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.DataFields;
        var count = checked((int)group.RowCount);
        var columns = new List<string[]>();
        foreach (var field in fields)
        {
            columns.Add(await ReadColumnAsync(group, field, count));
        }

        var names = fields.Select(field => field.Name).ToArray();
        var rows = Enumerable.Range(0, count)
            .Select(r => (IReadOnlyDictionary<string, string>)names.Select((name, c) => (name, c)).ToDictionary(x => x.name, x => columns[x.c][r], StringComparer.Ordinal))
            .ToList();
        return new ParsedArtifact(names, rows);
    }

    private static async Task<string[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (field)
        {
            case DecimalDataField money:
                var decimals = new decimal[count];
                await group.ReadAsync<decimal>(field, decimals.AsMemory());
                return [.. decimals.Select(value => value.ToString("F" + money.Scale.ToString(invariant), invariant))];
            case DateTimeDataField:
                var timestamps = new DateTime[count];
                await group.ReadAsync<DateTime>(field, timestamps.AsMemory());
                return [.. timestamps.Select(value => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant))];
        }

        if (field.ClrType == typeof(DateOnly))
        {
            var dates = new DateOnly[count];
            await group.ReadAsync<DateOnly>(field, dates.AsMemory());
            return [.. dates.Select(value => value.ToString("yyyy-MM-dd", invariant))];
        }

        if (field.ClrType == typeof(int))
        {
            var ints = new int[count];
            await group.ReadAsync<int>(field, ints.AsMemory());
            return [.. ints.Select(value => value.ToString(invariant))];
        }

        if (field.ClrType == typeof(long))
        {
            var longs = new long[count];
            await group.ReadAsync<long>(field, longs.AsMemory());
            return [.. longs.Select(value => value.ToString(invariant))];
        }

        var strings = new string?[count];
        await group.ReadAsync(field, strings.AsMemory());
        return [.. strings.Select(value => value ?? throw new AssertionException($"null in {field.Name}"))];
    }
}
