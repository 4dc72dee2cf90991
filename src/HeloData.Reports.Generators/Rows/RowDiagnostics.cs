using Microsoft.CodeAnalysis;

namespace HeloData.Reports.Generators.Rows;

/// <summary>What <see cref="ReportRowGenerator"/> reports about a row type declaration it cannot generate from.</summary>
internal static class RowDiagnostics
{
    private const string Category = "HeloData.Reports.Rows";

    public static readonly DiagnosticDescriptor NotSealedPartialRow = Error(
        "HDRG001",
        "A row type is a sealed partial class deriving from ReportRow",
        "'{0}' must be a non-nested, non-generic 'sealed partial class' deriving directly from ReportRow");

    public static readonly DiagnosticDescriptor NoColumns = Error(
        "HDRG002",
        "A row type declares its columns",
        "'{0}' has no [ReportColumn]: list each documented column, in the order docs/artifacts.md gives");

    public static readonly DiagnosticDescriptor TooManyColumns = Error(
        "HDRG003",
        "A row type has at most 64 columns",
        "'{0}' declares {1} columns; a row keeps which it has in a 64-bit mask, so at most 64");

    public static readonly DiagnosticDescriptor DuplicateColumn = Error(
        "HDRG004",
        "A column is declared once",
        "'{0}' declares the {1} '{2}' twice");

    public static readonly DiagnosticDescriptor BadPropertyName = Error(
        "HDRG005",
        "A column's property name is a C# identifier",
        "'{0}' is not a property name '{1}' can have: a C# identifier starting with an upper-case letter, not the type's own name nor a member ReportRow has");

    public static readonly DiagnosticDescriptor BadArgument = Error(
        "HDRG006",
        "A column's name, kind and summary are given",
        "The [ReportColumn] of '{0}' needs a non-empty wire name, a CellKind member and a non-empty summary ({1})");

    public static readonly DiagnosticDescriptor NoFactory = Error(
        "HDRG007",
        "One model factory class is marked",
        "Row types need exactly one 'static partial class' marked [ReportRowFactory] for their factory methods; found {0}");

    private static readonly DiagnosticDescriptor[] All =
        [NotSealedPartialRow, NoColumns, TooManyColumns, DuplicateColumn, BadPropertyName, BadArgument, NoFactory];

    public static DiagnosticDescriptor ById(string id) => All.First(descriptor => descriptor.Id == id);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
