using HeloData.Reports.Testing.Tests.Documentation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeloData.Reports.Testing.Tests.Architecture;

/// <summary>
/// The folders of each package are its layers (the README's layout table): a file may use a type of
/// another folder only if that folder does not, directly or through others, use a type of its own.
/// The sources are compiled with Roslyn and every name resolved, so a dependency hidden behind a
/// <c>using</c> or a <c>var</c> counts as well; XML doc references do not.
/// </summary>
public sealed class FolderLayerTests
{
    private const string Root = "(root)";

    [TestCase("src/HeloData.Reports")]
    [TestCase("src/HeloData.Reports.Testing")]
    public void No_folder_depends_on_itself_through_others(string project)
    {
        var edges = FolderEdges(project);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, edges.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To).Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")));
        var cycle = FindCycle(edges.Keys.Select(e => e.From).Concat(edges.Keys.Select(e => e.To)).Distinct(), edges);

        Assert.Multiple(() =>
        {
            Assert.That(edges, Is.Not.Empty, $"{project}: no dependency between folders found; is the path right?");
            Assert.That(cycle, Is.Null, () => $"{project}: the folders {string.Join(" → ", cycle!)} form a cycle:{Environment.NewLine}" +
                string.Join(Environment.NewLine, cycle!.Zip(cycle!.Skip(1)).Select(pair => $"  {pair.First} → {pair.Second}: {edges[(pair.First, pair.Second)]}")));
        });
    }

    [Test]
    public void The_SDK_reads_from_the_facade_down_to_the_models()
    {
        var edges = FolderEdges("src/HeloData.Reports");

        Assert.Multiple(() =>
        {
            Assert.That(edges.Keys.Where(e => e.To == Root).Select(e => $"{e.From}: {edges[e]}"), Is.Empty, "only the façade's own files may use the façade");
            Assert.That(edges.Keys.Where(e => e.From == "Models").Select(e => $"{e.To}: {edges[e]}"), Is.Empty, "models are plain data");
            Assert.That(edges.ContainsKey(("Transport", "Runs")), Is.False, "the transport never calls up into the waiter or the downloader");
        });
    }

    // (from folder, to folder) → one example, "File.cs:line uses Type".
    private static Dictionary<(string From, string To), string> FolderEdges(string project)
    {
        var directory = Path.Combine(DocumentationSnippetTests.RepositoryRoot(), project);
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(directory, path)))
            .ToList();
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path)).ToList();
        var ownAssemblies = new[] { "HeloData.Reports.dll", "HeloData.Reports.Testing.dll" };
        var references = DocumentationSnippetTests.References.Value
            .Where(reference => reference is PortableExecutableReference { FilePath: var path } && (project.EndsWith(".Testing", StringComparison.Ordinal)
                ? !path!.EndsWith(ownAssemblies[1], StringComparison.OrdinalIgnoreCase)
                : !ownAssemblies.Any(own => path!.EndsWith(own, StringComparison.OrdinalIgnoreCase))));
        var compilation = CSharpCompilation.Create("Layers", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var edges = new Dictionary<(string, string), string>();
        foreach (var tree in trees)
        {
            var from = FolderOf(directory, tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is not null)
                {
                    type = type.ContainingType;
                }

                var declared = type?.Locations.FirstOrDefault(location => location.IsInSource)?.SourceTree?.FilePath;
                if (declared is null || FolderOf(directory, declared) is var to && to == from)
                {
                    continue;
                }

                edges.TryAdd((from, to), $"{Path.GetFileName(tree.FilePath)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} uses {type!.Name}");
            }
        }

        return edges;
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    private static string FolderOf(string directory, string file)
    {
        var parts = Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar);
        return parts.Length == 1 ? Root : parts[0];
    }

    // A depth-first search; the first back edge found closes a cycle, returned as its path (first = last).
    private static List<string>? FindCycle(IEnumerable<string> folders, Dictionary<(string From, string To), string> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string folder)
        {
            state[folder] = 1;
            path.Add(folder);
            foreach (var next in edges.Keys.Where(e => e.From == folder).Select(e => e.To).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
            return null;
        }

        return folders.Order(StringComparer.Ordinal).Where(folder => state.GetValueOrDefault(folder) == 0).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }
}
