namespace HeloData.Reports.Rows;

/// <summary>
/// A row of a <c>invoices</c> report: one invoice line item.
/// One typed property per column of docs/artifacts.md; other columns are kept in
/// <see cref="ReportRow.AdditionalColumns"/>.
/// </summary>
/// <remarks>
/// A property whose column the artifact lacks (or this row leaves empty in NDJSON) throws
/// <see cref="InvalidOperationException"/> naming the column when read, and only then.
/// </remarks>
public sealed class InvoiceRow : ReportRow
{
    internal static readonly RowKind Kind = new(
        nameof(InvoiceRow),
        [
            new("invoice_id", CellKind.Text, nameof(InvoiceId)),
            new("line_id", CellKind.Text, nameof(LineId)),
            new("issued_on", CellKind.Date, nameof(IssuedOn)),
            new("period_start", CellKind.Date, nameof(PeriodStart)),
            new("period_end", CellKind.Date, nameof(PeriodEnd)),
            new("product", CellKind.Product, nameof(Product)),
            new("description", CellKind.Text, nameof(Description)),
            new("quantity", CellKind.Decimal, nameof(Quantity)),
            new("unit", CellKind.Text, nameof(Unit)),
            new("unit_price_usd", CellKind.Decimal, nameof(UnitPriceUsd)),
            new("amount_usd", CellKind.Decimal, nameof(AmountUsd)),
        ],
        static (shape, number) => new InvoiceRow(shape, number));

    private const int InvoiceIdColumn = 0;
    private const int LineIdColumn = 1;
    private const int IssuedOnColumn = 2;
    private const int PeriodStartColumn = 3;
    private const int PeriodEndColumn = 4;
    private const int ProductColumn = 5;
    private const int DescriptionColumn = 6;
    private const int QuantityColumn = 7;
    private const int UnitColumn = 8;
    private const int UnitPriceUsdColumn = 9;
    private const int AmountUsdColumn = 10;

    private string? _invoiceId;
    private string? _lineId;
    private DateOnly _issuedOn;
    private DateOnly _periodStart;
    private DateOnly _periodEnd;
    private ReportProduct _product;
    private string? _description;
    private decimal _quantity;
    private string? _unit;
    private decimal _unitPriceUsd;
    private decimal _amountUsd;

    private InvoiceRow(RowShape shape, long rowNumber)
        : base(shape, rowNumber)
    {
    }

    /// <summary>The invoice (<c>invoice_id</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>invoice_id</c> column, or this row no value for it.</exception>
    public string InvoiceId => Has(InvoiceIdColumn) ? _invoiceId! : throw Missing(InvoiceIdColumn);

    /// <summary>The line item, unique (<c>line_id</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>line_id</c> column, or this row no value for it.</exception>
    public string LineId => Has(LineIdColumn) ? _lineId! : throw Missing(LineIdColumn);

    /// <summary>The invoice date (the last day billed) (<c>issued_on</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>issued_on</c> column, or this row no value for it.</exception>
    public DateOnly IssuedOn => Has(IssuedOnColumn) ? _issuedOn : throw Missing(IssuedOnColumn);

    /// <summary>The first day billed (<c>period_start</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>period_start</c> column, or this row no value for it.</exception>
    public DateOnly PeriodStart => Has(PeriodStartColumn) ? _periodStart : throw Missing(PeriodStartColumn);

    /// <summary>The last day billed (<c>period_end</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>period_end</c> column, or this row no value for it.</exception>
    public DateOnly PeriodEnd => Has(PeriodEndColumn) ? _periodEnd : throw Missing(PeriodEndColumn);

    /// <summary>The product billed (<c>product</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>product</c> column, or this row no value for it.</exception>
    public ReportProduct Product => Has(ProductColumn) ? _product : throw Missing(ProductColumn);

    /// <summary>The human-readable line (<c>description</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>description</c> column, or this row no value for it.</exception>
    public string Description => Has(DescriptionColumn) ? _description! : throw Missing(DescriptionColumn);

    /// <summary>The units billed (three decimals in the sandbox) (<c>quantity</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>quantity</c> column, or this row no value for it.</exception>
    public decimal Quantity => Has(QuantityColumn) ? _quantity : throw Missing(QuantityColumn);

    /// <summary>The unit: <c>GB</c> or <c>ip_month</c> (<c>unit</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>unit</c> column, or this row no value for it.</exception>
    public string Unit => Has(UnitColumn) ? _unit! : throw Missing(UnitColumn);

    /// <summary>The price per unit in USD (four decimals in the sandbox) (<c>unit_price_usd</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>unit_price_usd</c> column, or this row no value for it.</exception>
    public decimal UnitPriceUsd => Has(UnitPriceUsdColumn) ? _unitPriceUsd : throw Missing(UnitPriceUsdColumn);

    /// <summary>The amount in USD: quantity times unit price, rounded to cents (<c>amount_usd</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>amount_usd</c> column, or this row no value for it.</exception>
    public decimal AmountUsd => Has(AmountUsdColumn) ? _amountUsd : throw Missing(AmountUsdColumn);

    internal override void SetText(int column, string value)
    {
        switch (column)
        {
            case InvoiceIdColumn:
                _invoiceId = value;
                break;
            case LineIdColumn:
                _lineId = value;
                break;
            case DescriptionColumn:
                _description = value;
                break;
            case UnitColumn:
                _unit = value;
                break;
            default:
                base.SetText(column, value);
                break;
        }
    }

    internal override void SetDate(int column, DateOnly value)
    {
        switch (column)
        {
            case IssuedOnColumn:
                _issuedOn = value;
                break;
            case PeriodStartColumn:
                _periodStart = value;
                break;
            case PeriodEndColumn:
                _periodEnd = value;
                break;
            default:
                base.SetDate(column, value);
                break;
        }
    }

    internal override void SetProduct(int column, ReportProduct value)
    {
        if (column != ProductColumn)
        {
            base.SetProduct(column, value);
        }

        _product = value;
    }

    internal override void SetDecimal(int column, decimal value)
    {
        switch (column)
        {
            case QuantityColumn:
                _quantity = value;
                break;
            case UnitPriceUsdColumn:
                _unitPriceUsd = value;
                break;
            case AmountUsdColumn:
                _amountUsd = value;
                break;
            default:
                base.SetDecimal(column, value);
                break;
        }
    }

    internal override string FormatKnown(int column) => column switch
    {
        InvoiceIdColumn => _invoiceId!,
        LineIdColumn => _lineId!,
        IssuedOnColumn => CellText.Date(_issuedOn),
        PeriodStartColumn => CellText.Date(_periodStart),
        PeriodEndColumn => CellText.Date(_periodEnd),
        ProductColumn => _product.ToString(),
        DescriptionColumn => _description!,
        QuantityColumn => CellText.Number(_quantity),
        UnitColumn => _unit!,
        UnitPriceUsdColumn => CellText.Number(_unitPriceUsd),
        AmountUsdColumn => CellText.Number(_amountUsd),
        _ => base.FormatKnown(column),
    };
}
