namespace HeloData.Reports.Generators.Rows;

/// <summary>
/// What the generated code does with a column of each <c>CellKind</c>: the types it is held and given
/// as, the <c>ReportRow</c> setter a reader calls, the <c>RowBuilder</c> method the model factory calls,
/// and how its value is spelled as csv text. One entry per member of <c>CellKind</c>.
/// </summary>
/// <param name="Name">The <c>CellKind</c> member.</param>
/// <param name="Type">The property's type.</param>
/// <param name="IsReference">Whether the type is a reference type: its field is nullable, and the factory refuses null.</param>
/// <param name="ParameterType">The model factory parameter's type.</param>
/// <param name="Setter">The <c>ReportRow</c> method a reader sets such a value with.</param>
/// <param name="Getter">The <c>ReportRow</c> method a <c>ReportRowColumn</c> reads such a value with.</param>
/// <param name="Builder">The <c>RowBuilder</c> method the factory passes it to.</param>
/// <param name="Format">How <c>FormatKnown</c> spells it; <c>{0}</c> is the field.</param>
/// <param name="ParameterNote">Added to the factory parameter's doc after the summary; empty when none.</param>
internal sealed record CellKindInfo(
    string Name,
    string Type,
    bool IsReference,
    string ParameterType,
    string Setter,
    string Getter,
    string Builder,
    string Format,
    string ParameterNote);

/// <summary>The kinds the generator knows, by <c>CellKind</c> member name.</summary>
internal static class CellKinds
{
    private const string Product = "global::HeloData.Reports.Models.ReportProduct";

    private static readonly CellKindInfo[] All =
    [
        new("Text", "string", true, "string", "SetText", "GetText", "Text", "{0}!", ""),
        new("Product", Product, false, Product, "SetProduct", "GetProduct", "Product", "{0}.ToString()", ""),
        new("ProductList", $"global::System.Collections.Generic.IReadOnlyList<{Product}>", true, $"global::System.Collections.Generic.IEnumerable<{Product}>", "SetProducts", "GetProducts", "Products", "CellText.Products({0}!)", "; copied, so a later change to the caller's collection does not show"),
        new("Int32", "int", false, "int", "SetInt32", "GetInt32", "Int32", "CellText.Number({0})", ""),
        new("Int64", "long", false, "long", "SetInt64", "GetInt64", "Int64", "CellText.Number({0})", ""),
        new("Decimal", "decimal", false, "decimal", "SetDecimal", "GetDecimal", "Decimal", "CellText.Number({0})", "; its scale is kept, so <c>3.4500m</c> reads back as <c>3.4500</c>"),
        new("Date", "global::System.DateOnly", false, "global::System.DateOnly", "SetDate", "GetDate", "Date", "CellText.Date({0})", ""),
        new("Timestamp", "global::System.DateTimeOffset", false, "global::System.DateTimeOffset", "SetTimestamp", "GetTimestamp", "Timestamp", "CellText.Timestamp({0})", "; another offset is converted to UTC, as a reader converts it"),
    ];

    /// <summary>The kind of that name; <see langword="null"/> for a name the generator does not know.</summary>
    public static CellKindInfo? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);

    /// <summary>Every kind, in the order the setters are written.</summary>
    public static IReadOnlyList<CellKindInfo> Every => All;
}
