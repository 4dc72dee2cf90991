using Microsoft.CodeAnalysis;

namespace HeloData.Reports.Generators.Tests;

/// <summary>
/// <c>ReportRowGenerator</c> on one good declaration (what it writes, and that it compiles with every
/// public member documented) and on each kind of bad one (an error naming the problem, and no code).
/// </summary>
public sealed class ReportRowGeneratorTests
{
    private const string Good = """
        namespace HeloData.Reports.Rows;

        /// <summary>A row.</summary>
        [ReportRowType("isp_traffic")]
        [ReportColumn("day", CellKind.Date, "Day", "The UTC day")]
        [ReportColumn("subuser_id", CellKind.Text, "SubuserId", "The sub-user")]
        [ReportColumn("product", CellKind.Product, "Product", "The product, such as <c>isp</c>")]
        [ReportColumn("products", CellKind.ProductList, "Products", "The products")]
        [ReportColumn("status_code", CellKind.Int32, "StatusCode", "The status.")]
        [ReportColumn("bytes", CellKind.Int64, "Bytes", "The bytes")]
        [ReportColumn("amount_usd", CellKind.Decimal, "AmountUsd", "The amount")]
        [ReportColumn("at", CellKind.Timestamp, "At", "When")]
        [ReportColumn("event", CellKind.Text, "Event", "A name that is a keyword in camel case")]
        public sealed partial class SampleRow : ReportRow;
        """;

    [Test]
    public void A_good_declaration_compiles_with_every_public_member_documented()
    {
        var run = GeneratorHarness.Run(Good);

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Problems, Is.Empty, string.Join("\n", run.Problems));
        Assert.That(run.HintNames, Is.EquivalentTo(new[]
        {
            "HeloData.Reports.Rows.SampleRow.g.cs", "HeloData.Reports.Rows.RowsFactory.SampleRow.g.cs", "HeloData.Reports.Rows.RowKinds.g.cs",
        }));
    }

    [Test]
    public void The_properties_come_in_declaration_order_with_the_type_of_their_kind()
    {
        var row = GeneratorHarness.Run(Good).Type("HeloData.Reports.Rows.SampleRow");

        var properties = row.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public)
            .Select(p => $"{p.Name}: {p.Type.ToDisplayString()}");

        Assert.That(properties, Is.EqualTo(new[]
        {
            "Day: System.DateOnly", "SubuserId: string", "Product: HeloData.Reports.Models.ReportProduct",
            "Products: System.Collections.Generic.IReadOnlyList<HeloData.Reports.Models.ReportProduct>", "StatusCode: int", "Bytes: long",
            "AmountUsd: decimal", "At: System.DateTimeOffset", "Event: string",
        }));
    }

    [Test]
    public void The_summary_becomes_the_property_doc_and_the_factory_parameter_doc()
    {
        var run = GeneratorHarness.Run(Good);
        var row = run.Type("HeloData.Reports.Rows.SampleRow");
        var factory = run.Type("HeloData.Reports.Rows.RowsFactory").GetMembers("SampleRow").OfType<IMethodSymbol>().Single();

        Assert.That(row.GetMembers("Product").Single().GetDocumentationCommentXml(), Does.Contain("The product, such as <c>isp</c> (<c>product</c>)."));
        // A trailing period in the declaration is not doubled.
        Assert.That(row.GetMembers("StatusCode").Single().GetDocumentationCommentXml(), Does.Contain("The status (<c>status_code</c>)."));
        Assert.That(factory.GetDocumentationCommentXml(), Does.Contain("<param name=\"at\">When (<c>at</c>); another offset is converted to UTC"));
        Assert.That(factory.GetDocumentationCommentXml(), Does.Contain("as read from an <c>isp_traffic</c> artifact"));
        // The declaration's summary and the generated remarks, joined by the compiler.
        Assert.That(row.GetDocumentationCommentXml(), Does.Contain("<summary>A row.</summary>").And.Contain("naming the column when read, and only then."));
        Assert.That(factory.Parameters.Select(p => p.Name), Is.EqualTo(new[]
        {
            "day", "subuserId", "product", "products", "statusCode", "bytes", "amountUsd", "at", "event", "rowNumber", "additionalColumns",
        }));
    }

    [Test]
    public void Each_kind_is_set_and_read_through_one_switch_and_the_dispatch_knows_the_row()
    {
        var run = GeneratorHarness.Run(Good);
        var source = run.Source("Rows.SampleRow.g.cs");

        Assert.That(source, Does.Contain("internal override void SetText(int column, string value)"));
        Assert.That(source, Does.Contain("case Column.SubuserId:\n                _subuserId = value;"));
        Assert.That(source, Does.Contain("case Column.Event:\n                _event = value;"));
        Assert.That(source, Does.Contain("internal override string GetText(int column) => column switch"));
        Assert.That(source, Does.Contain("Column.Event => _event!,"));
        Assert.That(source, Does.Contain("internal override long GetInt64(int column) => column switch\n    {\n        Column.Bytes => _bytes,\n        _ => base.GetInt64(column),"));
        Assert.That(source, Does.Not.Contain("object"), "no boxing: every setter, getter and field is typed");
        Assert.That(run.Source("RowKinds.g.cs"), Does.Contain("return global::HeloData.Reports.Rows.SampleRow.Kind;"));
    }

    private static IEnumerable<TestCaseData> BadDeclarations()
    {
        TestCaseData Case(string name, string id, string declaration) => new TestCaseData(id, declaration).SetName(name);

        yield return Case("Not partial", "HDRG001", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "A", "A")] public sealed class BadRow : ReportRow { private BadRow() : base(null!, 1) { } }""");
        yield return Case("Not sealed", "HDRG001", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "A", "A")] public partial class BadRow : ReportRow;""");
        yield return Case("Not a ReportRow", "HDRG001", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "A", "A")] public sealed partial class BadRow;""");
        yield return Case("No column", "HDRG002", """[ReportRowType("t")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("65 columns", "HDRG003", "[ReportRowType(\"t\")]" + string.Concat(Enumerable.Range(0, 65).Select(i => $"[ReportColumn(\"c{i}\", CellKind.Int64, \"C{i}\", \"C\")]")) + " public sealed partial class BadRow : ReportRow;");
        yield return Case("A wire name twice", "HDRG004", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "A", "A")] [ReportColumn("a", CellKind.Text, "B", "B")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("A property twice", "HDRG004", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "A", "A")] [ReportColumn("b", CellKind.Int32, "A", "B")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("A property ReportRow has", "HDRG005", """[ReportRowType("t")] [ReportColumn("n", CellKind.Int64, "RowNumber", "N")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("A property the generated part has", "HDRG005", """[ReportRowType("t")] [ReportColumn("k", CellKind.Text, "Kind", "K")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("A property not an identifier", "HDRG005", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "Bad Name", "A")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("A property in lower case", "HDRG005", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "a", "A")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("An empty wire name", "HDRG006", """[ReportRowType("t")] [ReportColumn("", CellKind.Text, "A", "A")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("An empty summary", "HDRG006", """[ReportRowType("t")] [ReportColumn("a", CellKind.Text, "A", " ")] public sealed partial class BadRow : ReportRow;""");
        yield return Case("A kind CellKind lacks", "HDRG006", """[ReportRowType("t")] [ReportColumn("a", (CellKind)42, "A", "A")] public sealed partial class BadRow : ReportRow;""");
    }

    [TestCaseSource(nameof(BadDeclarations))]
    public void A_bad_declaration_is_an_error_and_generates_nothing(string id, string declaration)
    {
        var run = GeneratorHarness.Run("namespace HeloData.Reports.Rows;\n" + declaration);

        Assert.That(run.GeneratorDiagnostics, Does.Contain(id));
        Assert.That(run.Result.Diagnostics.Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Error));
        Assert.That(run.HintNames, Is.Empty);
    }

    [Test]
    public void A_diagnostic_points_at_the_column_line_and_names_the_problem()
    {
        var declaration = "namespace HeloData.Reports.Rows;\n[ReportRowType(\"t\")]\n[ReportColumn(\"a\", CellKind.Text, \"A\", \"A\")]\n[ReportColumn(\"a\", CellKind.Int64, \"B\", \"B\")]\npublic sealed partial class BadRow : ReportRow;";

        var diagnostic = GeneratorHarness.Run(declaration).Result.Diagnostics.Single();

        Assert.That(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("'BadRow' declares the column 'a' twice"));
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(3));
    }

    [Test]
    public void Rows_without_a_marked_factory_are_an_error()
    {
        var stubs = RowSupportStubs.Source.Replace("[ReportRowFactory]", "", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(Good, stubs);

        Assert.That(run.GeneratorDiagnostics, Is.EqualTo(new[] { "HDRG007" }));
    }

    [Test]
    public void An_edit_elsewhere_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(Good);
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new Rows.ReportRowGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Elsewhere; internal static class Unrelated;", (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var outputs = driver.RunGenerators(edited).GetRunResult().Results.Single().TrackedOutputSteps;

        Assert.That(outputs.SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(output => output.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.All.EqualTo(IncrementalStepRunReason.Unchanged));
    }
}
