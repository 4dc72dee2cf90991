using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeloData.Reports.Generators.Rows;

/// <summary>Reads a row type declaration (the class and its <c>[ReportColumn]</c> lines) into a <see cref="RowTypeModel"/>, with what is wrong with it.</summary>
internal static class RowTypeReader
{
    public const string ColumnAttribute = "HeloData.Reports.Rows.ReportColumnAttribute";

    // Members the generated part adds beside the properties: a property may not take their names.
    private static readonly string[] Generated = ["Kind", "Column"];

    public static RowTypeModel Read(GeneratorAttributeSyntaxContext attributed)
    {
        var type = (INamedTypeSymbol)attributed.TargetSymbol;
        var ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        var marker = attributed.Attributes[0].ConstructorArguments;
        var reportType = marker.Length == 1 && marker[0].Value is string text ? text : "";
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var location = type.Locations.FirstOrDefault();

        if (!IsSealedPartialRow(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.NotSealedPartialRow, location, type.Name));
        }

        var columns = ReadColumns(type, diagnostics);
        if (columns.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.NoColumns, location, type.Name));
        }
        else if (columns.Length > 64)
        {
            diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.TooManyColumns, location, type.Name, columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new RowTypeModel(ns, type.Name, reportType, new(columns), new(diagnostics.ToImmutable()));
    }

    private static bool IsSealedPartialRow(INamedTypeSymbol type) =>
        type is { TypeKind: TypeKind.Class, IsSealed: true, IsGenericType: false, ContainingType: null, BaseType.Name: "ReportRow" }
        && SymbolEqualityComparer.Default.Equals(type.BaseType.ContainingNamespace, type.ContainingNamespace)
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is ClassDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static ImmutableArray<ColumnModel> ReadColumns(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { type.Name };
        taken.UnionWith(Generated);
        taken.UnionWith(type.BaseType?.GetMembers().Select(member => member.Name) ?? []);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var properties = new HashSet<string>(StringComparer.Ordinal);
        var columns = ImmutableArray.CreateBuilder<ColumnModel>();

        foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == ColumnAttribute))
        {
            var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
            if (ToColumn(attribute) is not { } column)
            {
                diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.BadArgument, location, type.Name, attribute.ApplicationSyntaxReference?.GetSyntax().ToString() ?? ""));
                continue;
            }

            if (!names.Add(column.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.DuplicateColumn, location, type.Name, "column", column.Name));
            }

            if (!SyntaxFacts.IsValidIdentifier(column.Property) || !char.IsUpper(column.Property[0]) || taken.Contains(column.Property))
            {
                diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.BadPropertyName, location, column.Property, type.Name));
            }
            else if (!properties.Add(column.Property))
            {
                diagnostics.Add(DiagnosticInfo.Create(RowDiagnostics.DuplicateColumn, location, type.Name, "property", column.Property));
            }

            columns.Add(column);
        }

        return columns.ToImmutable();
    }

    /// <summary>The column one attribute declares; <see langword="null"/> when an argument is missing, empty or not yet a constant.</summary>
    private static ColumnModel? ToColumn(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 4)
        {
            return null;
        }

        var (name, kind, property, summary) = (arguments[0], arguments[1], arguments[2], arguments[3]);
        if (name.Value is not string { Length: > 0 } wire
            || property.Value is not string { Length: > 0 } propertyName
            || summary.Value is not string text || text.Trim().Length == 0
            || KindName(kind) is not { } kindName
            || CellKinds.Find(kindName) is null)
        {
            return null;
        }

        return new ColumnModel(wire, kindName, propertyName, text.Trim().TrimEnd('.'));
    }

    // An enum argument arrives as its number: the member's name is the field with that constant value.
    private static string? KindName(TypedConstant kind) =>
        kind is { Kind: TypedConstantKind.Enum, Type: { } enumType, Value: { } value }
            ? enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, value))?.Name
            : null;
}
