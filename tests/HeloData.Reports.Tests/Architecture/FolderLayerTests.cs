using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeloData.Reports.Tests.Architecture;

/// <summary>
/// The folders of each package under <c>src/</c> are its layers (the README's layout table): a file may use
/// a type of another folder only if that folder does not, directly or through others, use a type of its
/// own. The sources are compiled with Roslyn and every name resolved, so a dependency hidden behind a
/// <c>using</c> or a <c>var</c> counts as well; XML doc references do not.
/// </summary>
public sealed class FolderLayerTests
{
    private const string Root = "(root)";

    // Not found in any reference: a name the edges below could miss. (Members a source generator adds
    // are missing too, and harmless: generated code sits in no folder.)
    private static readonly string[] Unresolved = ["CS0246", "CS0234", "CS0012"];

    // Each package compiled once, whichever test asks first.
    private static readonly ConcurrentDictionary<string, (Dictionary<(string From, string To), string> Edges, List<string> Unresolved)> Compiled = new();

    private static IEnumerable<string> Packages() => SourcePackage.All.Select(package => package.Name);

    [Test]
    public void Every_package_under_src_is_covered()
    {
        var names = SourcePackage.All.Select(package => package.Name);

        Assert.That(names, Is.SupersetOf(new[] { "HeloData.Reports", "HeloData.Reports.AspNetCore", "HeloData.Reports.Cli", "HeloData.Reports.Generators", "HeloData.Reports.Testing" }));
    }

    [TestCaseSource(nameof(Packages))]
    public void No_folder_depends_on_itself_through_others(string name)
    {
        var package = SourcePackage.Named(name);
        var (edges, unresolved) = FolderEdges(package);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, edges.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To).Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")));
        var cycle = FindCycle(edges.Keys.Select(e => e.From).Concat(edges.Keys.Select(e => e.To)).Distinct(), edges);

        Assert.Multiple(() =>
        {
            Assert.That(package.SourceFiles(), Is.Not.Empty, $"{package}: no source file found; is the path right?");
            Assert.That(unresolved, Is.Empty, $"{package}: names no reference of this test resolves, so their edges would be missed; reference what the package references");
            Assert.That(cycle, Is.Null, () => $"{package}: the folders {string.Join(" → ", cycle!)} form a cycle:{Environment.NewLine}" +
                string.Join(Environment.NewLine, cycle!.Zip(cycle!.Skip(1)).Select(pair => $"  {pair.First} → {pair.Second}: {edges[(pair.First, pair.Second)]}")));
        });
    }

    [Test]
    public void The_SDK_reads_from_the_facade_down_to_the_models()
    {
        var (edges, _) = FolderEdges(SourcePackage.Named("HeloData.Reports"));

        Assert.Multiple(() =>
        {
            Assert.That(edges.Keys.Where(e => e.To == Root).Select(e => $"{e.From}: {edges[e]}"), Is.Empty, "only the façade's own files may use the façade");
            Assert.That(edges.Keys.Where(e => e.From == "Models").Select(e => $"{e.To}: {edges[e]}"), Is.Empty, "models are plain data");
            Assert.That(edges.ContainsKey(("Transport", "Runs")), Is.False, "the transport never calls up into the waiter or the downloader");
        });
    }

    [Test]
    public void A_cycle_is_found_and_named()
    {
        var edges = new Dictionary<(string From, string To), string> { [("A", "B")] = "a", [("B", "C")] = "b", [("C", "A")] = "c", [("C", "D")] = "d" };

        Assert.That(FindCycle(["A", "B", "C", "D"], edges), Is.EqualTo(new[] { "A", "B", "C", "A" }));
        Assert.That(FindCycle(["A", "B", "C"], new() { [("A", "B")] = "a", [("B", "C")] = "b" }), Is.Null);
    }

    // (from folder, to folder) → one example, "File.cs:line uses Type"; and the names nothing resolved.
    private static (Dictionary<(string From, string To), string> Edges, List<string> Unresolved) FolderEdges(SourcePackage package) =>
        Compiled.GetOrAdd(package.Name, _ => Resolve(package));

    private static (Dictionary<(string From, string To), string> Edges, List<string> Unresolved) Resolve(SourcePackage package)
    {
        var compilation = package.Compile();
        var unresolved = compilation.GetDiagnostics()
            .Where(d => Unresolved.Contains(d.Id))
            .Select(d => d.ToString())
            .ToList();

        var own = package.SourceFiles().ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), string>();
        foreach (var tree in compilation.SyntaxTrees.Where(tree => own.Contains(tree.FilePath)))
        {
            var from = FolderOf(package.Directory, tree.FilePath);
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
                if (declared is null || FolderOf(package.Directory, declared) is var to && to == from)
                {
                    continue;
                }

                edges.TryAdd((from, to), $"{Path.GetFileName(tree.FilePath)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} uses {type!.Name}");
            }
        }

        return (edges, unresolved);
    }

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
