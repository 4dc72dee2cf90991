namespace HeloData.Reports.Rows;

/// <summary>
/// Puts cell text into a row's typed fields: parses it as its column's kind, or throws a
/// <see cref="ReportRowFormatException"/> naming the row, column and value. One per read, holding the
/// caches that keep repeated values from costing a string each.
/// </summary>
internal sealed class CellWriter
{
    private string? _lastProductsText;
    private IReadOnlyList<ReportProduct>? _lastProducts;

    public StringCache Strings { get; } = new();

    /// <summary>Sets documented column <paramref name="column"/> of <paramref name="row"/> from its text.</summary>
    public void Write(ReportRow row, int column, ReadOnlySpan<char> text)
    {
        var known = row.Shape.Kind.Columns[column];
        switch (known.Kind)
        {
            case CellKind.Text:
                row.SetText(column, Strings.Get(text));
                break;
            case CellKind.Product:
                row.SetProduct(column, CellParser.Product(text, Strings));
                break;
            case CellKind.ProductList:
                // Sub-users repeat their lists: one list object per distinct spelling in a row, in a row.
                if (_lastProductsText is null || !text.SequenceEqual(_lastProductsText))
                {
                    _lastProducts = CellParser.Products(text, Strings);
                    _lastProductsText = text.ToString();
                }

                row.SetProducts(column, _lastProducts!);
                break;
            case CellKind.Int32:
                row.SetInt32(column, CellParser.TryInt32(text, out var int32) ? int32 : throw Unparsable(row, known, text));
                break;
            case CellKind.Int64:
                row.SetInt64(column, CellParser.TryInt64(text, out var int64) ? int64 : throw Unparsable(row, known, text));
                break;
            case CellKind.Decimal:
                row.SetDecimal(column, CellParser.TryDecimal(text, out var number) ? number : throw Unparsable(row, known, text));
                break;
            case CellKind.Date:
                row.SetDate(column, CellParser.TryDate(text, out var date) ? date : throw Unparsable(row, known, text));
                break;
            case CellKind.Timestamp:
                row.SetTimestamp(column, CellParser.TryTimestamp(text, out var timestamp) ? timestamp : throw Unparsable(row, known, text));
                break;
        }

        row.Present |= 1UL << column;
    }

    public static ReportRowFormatException Unparsable(ReportRow row, KnownColumn column, ReadOnlySpan<char> text) =>
        ReportRowFormatException.Unparsable(row.RowNumber, column.Name, text.ToString(), Expected(column.Kind));

    /// <summary>How a message names what a column of this kind must hold.</summary>
    public static string Expected(CellKind kind) => kind switch
    {
        CellKind.Int32 => "a 32-bit integer",
        CellKind.Int64 => "an integer",
        CellKind.Decimal => "a decimal number",
        CellKind.Date => "a date (yyyy-MM-dd)",
        CellKind.Timestamp => "an RFC 3339 timestamp with an offset (2026-05-01T03:05:46Z)",
        CellKind.ProductList => "a ';'-separated list of products",
        CellKind.Product => "a product",
        _ => "text",
    };
}
