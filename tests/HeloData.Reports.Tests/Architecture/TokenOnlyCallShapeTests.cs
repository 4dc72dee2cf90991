using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HeloData.Reports.Tests.Architecture;

/// <summary>
/// For every public async method of every package (a <c>Task</c>, <c>ValueTask</c> or
/// <c>IAsyncEnumerable</c>), <c>Method(requiredArguments..., ct)</c> compiles, and <c>ct</c> lands in a
/// <see cref="CancellationToken"/> parameter: the Azure SDK's rule that a token can always be passed
/// without the optional arguments before it. The calls are written from the packages' metadata and
/// compiled with Roslyn, so a new method, or a new optional parameter before the token, is covered too.
/// </summary>
public sealed class TokenOnlyCallShapeTests
{
    [Test]
    public void Every_public_async_method_takes_its_required_arguments_and_a_token()
    {
        var (calls, namespaces) = Calls();

        // As an application imports the packages' namespaces, which brings their extension methods in.
        var source = new StringBuilder(string.Concat(namespaces.Select(ns => $"using {ns};\n")))
            .Append("internal static class Calls\n{\n    public static void All(global::System.Threading.CancellationToken ct)\n    {\n");
        foreach (var (_, call) in calls)
        {
            source.Append("        _ = ").Append(call).Append(";\n");
        }

        var tree = CSharpSyntaxTree.ParseText(source.Append("    }\n}\n").ToString(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Calls", [tree], SourcePackage.References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var invocations = tree.GetRoot().DescendantNodes().OfType<ExpressionStatementSyntax>().Select(s => s.Expression).OfType<AssignmentExpressionSyntax>().Select(a => a.Right).ToList();

        var failures = new List<string>();
        for (var i = 0; i < calls.Count; i++)
        {
            var line = invocations[i].GetLocation().GetLineSpan().StartLinePosition.Line;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().StartLinePosition.Line == line);
            var token = model.GetOperation(invocations[i]) is IInvocationOperation invocation
                ? invocation.Arguments.FirstOrDefault(a => a.Syntax is ArgumentSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "ct" } })?.Parameter
                : null;
            if (errors.Any() || token?.Type.ToDisplayString() != "System.Threading.CancellationToken")
            {
                failures.Add($"{calls[i].Method}: `{calls[i].Call}` {(errors.Any() ? "does not compile: " + string.Join(" ", errors.Select(e => e.GetMessage())) : "passes ct to " + (token?.Name ?? "no parameter"))}");
            }
        }

        Assert.That(calls.Select(c => c.Method), Does.Contain("HeloData.Reports.IReportsClient.WaitForCompletionAsync").And.Contain("HeloData.Reports.IReportsClient.ListAllReportsAsync"));
        Assert.That(failures, Is.Empty, $"{failures.Count} of {calls.Count} public async methods cannot be called with their required arguments and a token");
    }

    // (the method, a call with its required arguments and ct) for each public async method of each package,
    // and the namespaces of the packages' public types.
    private static (List<(string Method, string Call)> Calls, SortedSet<string> Namespaces) Calls()
    {
        var compilation = CSharpCompilation.Create("Packages", references: SourcePackage.References.Value);
        var calls = new List<(string, string)>();
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var package in Packages())
        {
            var reference = SourcePackage.References.Value.OfType<PortableExecutableReference>()
                .SingleOrDefault(r => Path.GetFileNameWithoutExtension(r.FilePath) == package);
            Assert.That(reference, Is.Not.Null, $"{package} has a public API but this test project does not reference it: add a ProjectReference");
            var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference!)!;
            var types = PublicTypes(assembly.GlobalNamespace).ToList();
            namespaces.UnionWith(types.Select(t => t.ContainingNamespace.ToDisplayString()));
            foreach (var method in types.SelectMany(t => t.GetMembers().OfType<IMethodSymbol>()).Where(IsPublicAsync))
            {
                calls.Add(($"{method.ContainingType.ToDisplayString()}.{method.Name}", CallOf(method)));
            }
        }

        return (calls, namespaces);
    }

    // Every src/ project with a public API (a PublicAPI.Unshipped.txt with entries) is a package.
    private static IEnumerable<string> Packages() =>
        Directory.GetDirectories(Path.Combine(SourcePackage.RepositoryRoot(), "src"))
            .Where(project => File.Exists(Path.Combine(project, "PublicAPI.Unshipped.txt"))
                && File.ReadLines(Path.Combine(project, "PublicAPI.Unshipped.txt")).Any(line => line.Length > 0 && !line.StartsWith('#')))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    private static IEnumerable<INamedTypeSymbol> PublicTypes(INamespaceOrTypeSymbol container) =>
        container.GetMembers().SelectMany(member => member switch
        {
            INamespaceSymbol ns => PublicTypes(ns),
            INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type => PublicTypes(type).Prepend(type),
            _ => [],
        });

    private static bool IsPublicAsync(IMethodSymbol method) =>
        method is { DeclaredAccessibility: Accessibility.Public, MethodKind: MethodKind.Ordinary, IsOverride: false }
        && method.Name != "DisposeAsync"
        && method.ReturnType.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>"
            or "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask<TResult>" or "System.Collections.Generic.IAsyncEnumerable<T>";

    // Receiver, type arguments from the constraints, default! for each required argument, then ct.
    private static string CallOf(IMethodSymbol method)
    {
        var parameters = method.IsExtensionMethod ? method.Parameters.Skip(1) : method.Parameters;
        var receiver = method.IsExtensionMethod ? $"default({Name(method.Parameters[0].Type)})!"
            : method.IsStatic ? Name(method.ContainingType)
            : $"default({Name(method.ContainingType)})!";
        var typeArguments = method.IsGenericMethod
            ? $"<{string.Join(", ", method.TypeParameters.Select(p => p.ConstraintTypes.FirstOrDefault() is { } c ? Name(c) : "object"))}>"
            : string.Empty;
        var arguments = parameters
            .Where(p => !p.IsOptional && !p.IsParams && p.Type.ToDisplayString() != "System.Threading.CancellationToken")
            .Select(p => p.RefKind == RefKind.Out ? "out _" : $"default({Name(p.Type)})!")
            .Append("ct");
        return $"{receiver}.{method.Name}{typeArguments}({string.Join(", ", arguments)})";
    }

    private static string Name(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
