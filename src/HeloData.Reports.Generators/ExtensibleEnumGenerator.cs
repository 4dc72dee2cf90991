using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeloData.Reports.Generators;

/// <summary>
/// Writes the members that every string-backed value type of HeloData.Reports shares, so that the
/// hand-written part of each (a <c>readonly partial struct</c> marked <c>[ExtensibleEnum]</c>) holds
/// only its doc comment, its well-known values and whatever is particular to it.
/// </summary>
/// <remarks>
/// What is generated, and why the <c>[JsonConverter]</c> attribute is not, is described on the
/// marker attribute in <see cref="ExtensibleEnumSource.Attribute"/>.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ExtensibleEnumGenerator : IIncrementalGenerator
{
    private const string MarkerMetadataName = "HeloData.Reports.Models.ExtensibleEnumAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The marker is generated as well, so it exists only in the assembly this generator runs in,
        // internal there, and nothing about it is written by hand.
        context.RegisterPostInitializationOutput(static output =>
            output.AddSource("ExtensibleEnumAttribute.g.cs", ExtensibleEnumSource.Attribute));

        // ForAttributeWithMetadataName looks only at declarations that carry the marker, and the model
        // is a record of strings (equal by value), so an edit anywhere else regenerates nothing.
        var values = context.SyntaxProvider.ForAttributeWithMetadataName(
            MarkerMetadataName,
            predicate: static (node, _) => node is StructDeclarationSyntax,
            transform: static (attributed, _) => ToModel(attributed));

        context.RegisterSourceOutput(values, static (output, value) =>
            output.AddSource(HintName(value), ExtensibleEnumSource.For(value)));
    }

    private static ExtensibleEnumModel ToModel(GeneratorAttributeSyntaxContext attributed)
    {
        var type = attributed.TargetSymbol;
        var ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();

        // The marker's one argument: how the docs name a value in prose ("a report type"). The
        // fallback only covers code that does not compile yet (the argument being typed).
        var arguments = attributed.Attributes[0].ConstructorArguments;
        var noun = arguments.Length == 1 && arguments[0].Value is string text ? text : "a value";

        return new ExtensibleEnumModel(ns, type.Name, noun);
    }

    // Unique per type (one file per declaration of the marker), and stable from build to build.
    private static string HintName(ExtensibleEnumModel value) =>
        value.Namespace.Length == 0 ? $"{value.Name}.g.cs" : $"{value.Namespace}.{value.Name}.g.cs";
}
