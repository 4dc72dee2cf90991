using System.Reflection;
using System.Text.RegularExpressions;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// The row types (generated from their <c>[ReportColumn]</c> lines) agree with docs/artifacts.md, both
/// ways: every row type of the SDK is in the "Reading artifacts as rows" table, and every one there is a
/// row type; each row type's columns are its report's column table, same names in the same order, each
/// of the kind the table's text and parquet types and the mapping's .NET type give; every public
/// property a row type declares is a documented column, and every documented column has its property.
/// </summary>
public sealed partial class RowColumnDocumentationTests
{
    private static readonly Lazy<ArtifactsDoc> Doc = new(() => ArtifactsDoc.Read(RepositoryFile("docs", "artifacts.md")));

    private static readonly Type[] RowTypes =
        [.. typeof(ReportRow).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(ReportRow))).OrderBy(type => type.Name, StringComparer.Ordinal)];

    private static IEnumerable<TestCaseData> EveryRowType() => RowTypes.Select(type => new TestCaseData(type).SetArgDisplayNames(type.Name));

    [Test]
    public void The_row_types_are_the_documented_ones()
    {
        Assert.That(RowTypes.Select(type => type.Name), Is.EquivalentTo(Doc.Value.Mappings.Keys));
        Assert.That(Doc.Value.Mappings.Values.Select(m => m.ReportType), Is.EquivalentTo(Doc.Value.Tables.Keys), "every column table has its row type");
    }

    [TestCaseSource(nameof(EveryRowType))]
    public void Its_columns_are_its_report_table_in_order_each_of_the_documented_kind(Type rowType)
    {
        var mapping = Doc.Value.Mappings[rowType.Name];
        var table = Doc.Value.Tables[mapping.ReportType];

        Assert.That(mapping.Properties.Select(p => p.Column).ToArray(), Is.EqualTo(table.Select(c => c.Name).ToArray()), "the mapping table lists the columns of the column table");

        var documented = table.Select((column, i) => $"{column.Name}: {ExpectedKind(column, mapping.Properties[i].Type)}").ToArray();
        var generated = KindOf(rowType).Columns.Select(column => $"{column.Name}: {column.Kind}").ToArray();
        Assert.That(generated, Is.EqualTo(documented));
    }

    [TestCaseSource(nameof(EveryRowType))]
    public void Every_property_is_a_documented_column_and_every_column_has_its_property(Type rowType)
    {
        var mapping = Doc.Value.Mappings[rowType.Name];
        var declared = rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(property => $"{property.Name} ({TypeName(property.PropertyType)})").ToArray();

        Assert.That(declared, Is.EquivalentTo(mapping.Properties.Select(p => $"{p.Property} ({p.Type})").ToArray()));
        Assert.That(KindOf(rowType).Columns.Select(c => $"{c.Name} → {c.Property}").ToArray(), Is.EqualTo(mapping.Properties.Select(p => $"{p.Column} → {p.Property}").ToArray()));
    }

    [Test]
    public void The_doc_parser_reads_every_table()
    {
        // Guards the tests above against a parser that finds nothing and so compares empty lists.
        Assert.That(Doc.Value.Tables.Values.Select(t => t.Count), Is.All.GreaterThan(0));
        Assert.That(Doc.Value.Mappings, Has.Count.EqualTo(5));
    }

    private static RowKind KindOf(Type rowType) =>
        (RowKind)rowType.GetField("Kind", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    // The kind a column's documented spelling (text, parquet) and .NET type call for.
    private static CellKind ExpectedKind(DocumentedColumn column, string type) => (column.Text, type) switch
    {
        ("text", "string") => CellKind.Text,
        ("text", "ReportProduct") => CellKind.Product,
        ("text", "IReadOnlyList<ReportProduct>") => CellKind.ProductList,
        ("integer", "int") when column.Parquet.StartsWith("`INT32`", StringComparison.Ordinal) => CellKind.Int32,
        ("integer", "long") when column.Parquet.StartsWith("`INT64`", StringComparison.Ordinal) => CellKind.Int64,
        ("date", "DateOnly") => CellKind.Date,
        ("timestamp", "DateTimeOffset") => CellKind.Timestamp,
        var (text, _) when text.StartsWith("money", StringComparison.Ordinal) && type == "decimal" => CellKind.Decimal,
        _ => throw new AssertionException($"docs/artifacts.md gives '{column.Name}' the text kind '{column.Text}', parquet {column.Parquet} and the .NET type {type}, which no CellKind is."),
    };

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(decimal) => "decimal",
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>",
        _ => type.Name,
    };

    private static string RepositoryFile(params string[] path)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HeloData.Reports.sln")))
            {
                return File.ReadAllText(Path.Combine([directory.FullName, .. path]));
            }
        }

        throw new InvalidOperationException("The repository root (HeloData.Reports.sln) is not above the test directory.");
    }

    private sealed record DocumentedColumn(string Name, string Text, string Parquet);

    private sealed record DocumentedProperty(string Column, string Property, string Type);

    private sealed record RowMapping(string ReportType, IReadOnlyList<DocumentedProperty> Properties);

    /// <summary>The two kinds of table docs/artifacts.md has for rows: one column table per report type, and the mapping to row types.</summary>
    private sealed partial record ArtifactsDoc(IReadOnlyDictionary<string, IReadOnlyList<DocumentedColumn>> Tables, IReadOnlyDictionary<string, RowMapping> Mappings)
    {
        public static ArtifactsDoc Read(string markdown)
        {
            var tables = new Dictionary<string, IReadOnlyList<DocumentedColumn>>();
            var mappings = new Dictionary<string, RowMapping>();
            string? section = null;
            foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                if (Heading().Match(line) is { Success: true } heading)
                {
                    section = heading.Groups[1].Value;
                    tables[section] = new List<DocumentedColumn>();
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    section = null;
                }
                else if (section is not null && ColumnLine().Match(line) is { Success: true } column)
                {
                    ((List<DocumentedColumn>)tables[section]).Add(new(column.Groups[1].Value, column.Groups[2].Value.Trim(), column.Groups[3].Value.Trim()));
                }
                else if (MappingLine().Match(line) is { Success: true } mapping)
                {
                    var properties = PropertyPart().Matches(mapping.Groups[3].Value)
                        .Select(m => new DocumentedProperty(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
                    mappings[mapping.Groups[2].Value] = new RowMapping(mapping.Groups[1].Value, properties);
                }
            }

            return new ArtifactsDoc(tables.Where(t => t.Value.Count > 0).ToDictionary(), mappings);
        }

        // "## `traffic`: aggregated bandwidth per sub-user / product / day"
        [GeneratedRegex(@"^## `([a-z_]+)`: ")]
        private static partial Regex Heading();

        // "| `date` | date | `INT32` (`DATE`) | the UTC day | `2026-05-01` |"
        [GeneratedRegex(@"^\| `([a-z_0-9]+)` \| ([^|]+) \| ([^|]+) \|")]
        private static partial Regex ColumnLine();

        // "| `traffic` → `TrafficRow` | `date` → `Date` (`DateOnly`), … |"
        [GeneratedRegex(@"^\| `([a-z_]+)` → `([A-Za-z]+)` \| (.+) \|$")]
        private static partial Regex MappingLine();

        [GeneratedRegex(@"`([a-z_0-9]+)` → `([A-Za-z0-9]+)` \(`([^`]+)`\)")]
        private static partial Regex PropertyPart();
    }
}
