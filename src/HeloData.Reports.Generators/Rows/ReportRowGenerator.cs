using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeloData.Reports.Generators.Rows;

/// <summary>
/// Writes the typed row types of HeloData.Reports.Rows from one declaration each: a <c>sealed partial
/// class</c> deriving from <c>ReportRow</c>, marked <c>[ReportRowType("traffic")]</c>, with one
/// <c>[ReportColumn(wire name, kind, property, summary)]</c> line per documented column in the order of
/// docs/artifacts.md. Generated: the row's <c>RowKind</c>, fields, documented properties, typed setters
/// and formatting (<see cref="RowTypeSource"/>); its method on the <c>[ReportRowFactory]</c> class and
/// the <c>RowKinds</c> dispatch (<see cref="RowFactorySource"/>). A declaration it cannot generate from
/// gets an error (<see cref="RowDiagnostics"/>) and no code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ReportRowGenerator : IIncrementalGenerator
{
    private const string RowTypeAttribute = "HeloData.Reports.Rows.ReportRowTypeAttribute";
    private const string FactoryAttribute = "HeloData.Reports.Rows.ReportRowFactoryAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rows = context.SyntaxProvider.ForAttributeWithMetadataName(
            RowTypeAttribute,
            predicate: static (node, _) => node is ClassDeclarationSyntax,
            transform: static (attributed, _) => RowTypeReader.Read(attributed));

        var factories = context.SyntaxProvider.ForAttributeWithMetadataName(
            FactoryAttribute,
            predicate: static (node, _) => node is ClassDeclarationSyntax,
            transform: static (attributed, _) => ToFactory(attributed.TargetSymbol))
            .Collect();

        context.RegisterSourceOutput(rows.Combine(factories), static (output, pair) =>
        {
            var (row, found) = pair;
            foreach (var diagnostic in row.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (row.Diagnostics.Length > 0)
            {
                return;
            }

            output.AddSource(HintName(row.Namespace, row.Name), RowTypeSource.For(row));
            if (found.Length == 1)
            {
                var factory = found[0];
                output.AddSource(HintName(factory.Namespace, factory.Name + "." + row.Name), RowFactorySource.Method(row, factory));
            }
            else
            {
                output.ReportDiagnostic(Diagnostic.Create(RowDiagnostics.NoFactory, Location.None, found.Length));
            }
        });

        // The dispatch lists every row type that generated; sorted, so the text does not depend on file order.
        var generated = rows.Where(static row => row.Diagnostics.Length == 0).Collect();
        context.RegisterSourceOutput(generated, static (output, all) =>
        {
            if (all.Length > 0)
            {
                var sorted = all.OrderBy(row => row.Name, StringComparer.Ordinal).ToArray();
                output.AddSource(HintName(sorted[0].Namespace, "RowKinds"), RowFactorySource.Dispatch(sorted));
            }
        });
    }

    private static FactoryModel ToFactory(ISymbol type) =>
        new(type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(), type.Name);

    private static string HintName(string ns, string name) => ns.Length == 0 ? $"{name}.g.cs" : $"{ns}.{name}.g.cs";
}
