namespace HeloData.Reports.Rows;

/// <summary>
/// A row of a <c>traffic</c> report: aggregated bandwidth per sub-user, product and UTC day.
/// One typed property per column of docs/artifacts.md; other columns are kept in
/// <see cref="ReportRow.AdditionalColumns"/>.
/// </summary>
/// <remarks>
/// A property whose column the artifact lacks (or this row leaves empty in NDJSON) throws
/// <see cref="InvalidOperationException"/> naming the column when read, and only then.
/// </remarks>
public sealed class TrafficRow : ReportRow
{
    internal static readonly RowKind Kind = new(
        nameof(TrafficRow),
        [
            new("date", CellKind.Date, nameof(Date)),
            new("subuser_id", CellKind.Text, nameof(SubuserId)),
            new("product", CellKind.Product, nameof(Product)),
            new("bandwidth_bytes", CellKind.Int64, nameof(BandwidthBytes)),
            new("requests", CellKind.Int64, nameof(Requests)),
        ],
        static (shape, number) => new TrafficRow(shape, number));

    private const int DateColumn = 0;
    private const int SubuserIdColumn = 1;
    private const int ProductColumn = 2;
    private const int BandwidthBytesColumn = 3;
    private const int RequestsColumn = 4;

    private DateOnly _date;
    private string? _subuserId;
    private ReportProduct _product;
    private long _bandwidthBytes;
    private long _requests;

    private TrafficRow(RowShape shape, long rowNumber)
        : base(shape, rowNumber)
    {
    }

    /// <summary>The UTC day (<c>date</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>date</c> column, or this row no value for it.</exception>
    public DateOnly Date => Has(DateColumn) ? _date : throw Missing(DateColumn);

    /// <summary>The sub-user (<c>subuser_id</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>subuser_id</c> column, or this row no value for it.</exception>
    public string SubuserId => Has(SubuserIdColumn) ? _subuserId! : throw Missing(SubuserIdColumn);

    /// <summary>The product the traffic went through (<c>product</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>product</c> column, or this row no value for it.</exception>
    public ReportProduct Product => Has(ProductColumn) ? _product : throw Missing(ProductColumn);

    /// <summary>Bytes transferred that day (<c>bandwidth_bytes</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>bandwidth_bytes</c> column, or this row no value for it.</exception>
    public long BandwidthBytes => Has(BandwidthBytesColumn) ? _bandwidthBytes : throw Missing(BandwidthBytesColumn);

    /// <summary>Requests made that day (<c>requests</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>requests</c> column, or this row no value for it.</exception>
    public long Requests => Has(RequestsColumn) ? _requests : throw Missing(RequestsColumn);

    internal override void SetDate(int column, DateOnly value)
    {
        if (column != DateColumn)
        {
            base.SetDate(column, value);
        }

        _date = value;
    }

    internal override void SetText(int column, string value)
    {
        if (column != SubuserIdColumn)
        {
            base.SetText(column, value);
        }

        _subuserId = value;
    }

    internal override void SetProduct(int column, ReportProduct value)
    {
        if (column != ProductColumn)
        {
            base.SetProduct(column, value);
        }

        _product = value;
    }

    internal override void SetInt64(int column, long value)
    {
        switch (column)
        {
            case BandwidthBytesColumn:
                _bandwidthBytes = value;
                break;
            case RequestsColumn:
                _requests = value;
                break;
            default:
                base.SetInt64(column, value);
                break;
        }
    }

    internal override string FormatKnown(int column) => column switch
    {
        DateColumn => CellText.Date(_date),
        SubuserIdColumn => _subuserId!,
        ProductColumn => _product.ToString(),
        BandwidthBytesColumn => CellText.Number(_bandwidthBytes),
        RequestsColumn => CellText.Number(_requests),
        _ => base.FormatKnown(column),
    };
}
