using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HeloData.Reports.Testing.Tests.Documentation;

/// <summary>
/// Every C# block of the READMEs and docs compiles against the SDK as it is now, so a renamed
/// member or parameter cannot leave the documentation behind. A block that declares a type is
/// compiled as a file of its own; any other block as the body of an async method whose parameters
/// are the names the documentation takes as given (<c>services</c>, <c>reports</c>, <c>ct</c>, …).
/// </summary>
public sealed partial class DocumentationSnippetTests
{
    // Paths from the repository root. docs/telemetry.md is left out: its one block wires up
    // OpenTelemetry's exporters, a package the SDK does not depend on.
    private static readonly string[] Documents =
    [
        "README.md",
        "src/HeloData.Reports/README.md",
        "src/HeloData.Reports.Rows/README.md",
        "src/HeloData.Reports.Testing/README.md",
        "src/HeloData.Reports.AspNetCore/README.md",
        "docs/artifacts.md",
    ];

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using HeloData.Reports;
        global using HeloData.Reports.AspNetCore;
        global using HeloData.Reports.Models;
        global using HeloData.Reports.Rows;
        global using HeloData.Reports.Testing;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using NUnit.Framework;
        """;

    // builder is the real WebApplicationBuilder: the webhook blocks call builder.Services and builder.Build().
    private const string StatementHost = """
        internal static class Snippet
        {
            public static async Task RunAsync(
                IServiceCollection services,
                IConfiguration configuration,
                WebApplicationBuilder builder,
                IReportsClient reports,
                string apiKey,
                string reportId,
                RunWindow window,
                CancellationToken ct)
            {
                await Task.CompletedTask;
        /*SNIPPET*/
            }
        }
        """;

    internal static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static IEnumerable<TestCaseData> Snippets()
    {
        var root = RepositoryRoot();
        foreach (var document in Documents)
        {
            var blocks = CodeBlock().Matches(File.ReadAllText(Path.Combine(root, document)));
            Assert.That(blocks, Is.Not.Empty, $"{document} has no C# block any more: update the list");
            for (var i = 0; i < blocks.Count; i++)
            {
                yield return new TestCaseData(document, blocks[i].Groups["code"].Value).SetArgDisplayNames(document, $"block {i + 1}");
            }
        }
    }

    [TestCaseSource(nameof(Snippets))]
    public void The_block_compiles(string document, string code)
    {
        var source = DeclaresType().IsMatch(code) ? code : StatementHost.Replace("/*SNIPPET*/", code, StringComparison.Ordinal);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [Parse(GlobalUsings), Parse(source)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.That(errors, Is.Empty, $"a C# block of {document} does not compile:\n{code}");
    }

    private static SyntaxTree Parse(string source) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));

    // The frameworks the tests run on (ASP.NET Core's too, through the sandbox), and every managed assembly next to
    // them (the SDK, the webhook package, the sandbox, DI, NUnit).
    private static MetadataReference[] LoadReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return framework.Concat(local)
            .Where(IsManaged)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HeloData.Reports.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No HeloData.Reports.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\s*(public |internal )?(sealed |static |abstract |partial )*(class|record|struct|interface) ", RegexOptions.Multiline)]
    private static partial Regex DeclaresType();
}
