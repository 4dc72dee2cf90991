using System.Collections.Immutable;
using HeloData.Reports.Generators.Rows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HeloData.Reports.Generators.Tests;

/// <summary>Runs <see cref="ReportRowGenerator"/> over a declaration plus <see cref="RowSupportStubs"/>, docs checked as the SDK's build checks them.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static GeneratorRun Run(string declaration, string stubs = RowSupportStubs.Source)
    {
        var compilation = Compile(declaration, stubs);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ReportRowGenerator().AsSourceGenerator()], parseOptions: Parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), output);
    }

    public static CSharpCompilation Compile(string declaration, string stubs = RowSupportStubs.Source) =>
        CSharpCompilation.Create(
            "RowsUnderTest",
            [CSharpSyntaxTree.ParseText(stubs, Parse, "Stubs.cs"), CSharpSyntaxTree.ParseText(declaration, Parse, "Rows.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}

/// <summary>What one generator run gave.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output)
{
    /// <summary>The generator's own diagnostics, by id.</summary>
    public ImmutableArray<string> GeneratorDiagnostics => [.. Result.Diagnostics.Select(d => d.Id)];

    public ImmutableArray<string> HintNames => [.. Result.GeneratedTrees.Select(tree => Path.GetFileName(tree.FilePath))];

    /// <summary>Errors anywhere, and warnings in the generated files (an undocumented member or a malformed doc is CS1591 or CS1570).</summary>
    public ImmutableArray<Diagnostic> Problems =>
    [
        .. Output.GetDiagnostics().Where(d =>
            d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)),
    ];

    public string Source(string hintNameEnd) =>
        Result.GeneratedTrees.Single(tree => tree.FilePath.EndsWith(hintNameEnd, StringComparison.Ordinal)).ToString();

    public INamedTypeSymbol Type(string metadataName) => Output.GetTypeByMetadataName(metadataName)!;
}
