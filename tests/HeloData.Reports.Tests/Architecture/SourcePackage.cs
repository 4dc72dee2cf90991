using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HeloData.Reports.Tests.Architecture;

/// <summary>
/// A project under <c>src/</c> (every <c>src/*/*.csproj</c>, so a new package is covered without a
/// change here), and its sources compiled with Roslyn as its build compiles them: the same assembly
/// name, the SDK's implicit usings and the project's own <c>&lt;Using&gt;</c> items, and every assembly this test project ships with (it references
/// every package under <c>src/</c>, so their dependencies are all there).
/// </summary>
internal sealed record SourcePackage(string Name, string Directory, string AssemblyName, OutputKind Kind, string GlobalUsings)
{
    /// <summary>What <c>ImplicitUsings</c> adds to every project (Microsoft.NET.Sdk).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        preprocessorSymbols: ["NET", "NETCOREAPP", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NET10_0"]);

    internal static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>Every project under <c>src/</c>, by name.</summary>
    public static IReadOnlyList<SourcePackage> All { get; } = Discover();

    /// <summary>The project named <paramref name="name"/>, such as <c>HeloData.Reports</c>.</summary>
    public static SourcePackage Named(string name) => All.Single(package => package.Name == name);

    /// <summary>The package's own <c>.cs</c> files (not build output; linked files belong to the package that holds them).</summary>
    public IReadOnlyList<string> SourceFiles() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(Directory, path).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)];

    /// <summary>The package's sources compiled against everything but its own assembly.</summary>
    public CSharpCompilation Compile()
    {
        var trees = SourceFiles()
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings + GlobalUsings, ParseOptions, Path.Combine(Directory, "obj", "GlobalUsings.g.cs")));
        var references = References.Value.Where(reference =>
            !string.Equals(Path.GetFileNameWithoutExtension(reference.Display), AssemblyName, StringComparison.OrdinalIgnoreCase));
        return CSharpCompilation.Create(AssemblyName, trees, references, new CSharpCompilationOptions(Kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The repository's root: the folder above this test's output that holds the solution.</summary>
    public static string RepositoryRoot()
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

    private static List<SourcePackage> Discover()
    {
        var packages = new List<SourcePackage>();
        foreach (var directory in System.IO.Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src")).Order(StringComparer.Ordinal))
        {
            foreach (var project in System.IO.Directory.GetFiles(directory, "*.csproj"))
            {
                var document = XDocument.Load(project);
                var properties = document.Descendants("PropertyGroup").Elements().ToList();
                string? Property(string name) => properties.LastOrDefault(element => element.Name.LocalName == name)?.Value;
                packages.Add(new SourcePackage(
                    Path.GetFileNameWithoutExtension(project),
                    directory,
                    Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(project),
                    Property("OutputType") is "Exe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    string.Concat(document.Descendants("Using").Select(GlobalUsing))));
            }
        }

        return packages;
    }

    // <Using Include="N" />, with Static="true" or Alias="A", as the SDK writes it into GlobalUsings.g.cs.
    private static string GlobalUsing(XElement item)
    {
        var name = (string?)item.Attribute("Include");
        return name is null ? ""
            : (string?)item.Attribute("Alias") is { } alias ? $"global using {alias} = {name};\n"
            : (string?)item.Attribute("Static") == "true" ? $"global using static {name};\n"
            : $"global using {name};\n";
    }

    // The frameworks the tests run on (ASP.NET Core's too, through the packages that reference it) and every
    // managed assembly next to this test: the packages themselves and their dependencies.
    private static MetadataReference[] LoadReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. framework.Concat(System.IO.Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(IsManaged)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
