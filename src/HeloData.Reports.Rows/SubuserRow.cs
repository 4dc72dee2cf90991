namespace HeloData.Reports.Rows;

/// <summary>
/// A row of a <c>subusers</c> report: one sub-user of the account, as of the window's end.
/// One typed property per column of docs/artifacts.md; other columns are kept in
/// <see cref="ReportRow.AdditionalColumns"/>.
/// </summary>
/// <remarks>
/// A property whose column the artifact lacks (or this row leaves empty in NDJSON) throws
/// <see cref="InvalidOperationException"/> naming the column when read, and only then.
/// </remarks>
public sealed class SubuserRow : ReportRow
{
    internal static readonly RowKind Kind = new(
        nameof(SubuserRow),
        [
            new("subuser_id", CellKind.Text, nameof(SubuserId)),
            new("name", CellKind.Text, nameof(Name)),
            new("status", CellKind.Text, nameof(Status)),
            new("created_at", CellKind.Timestamp, nameof(CreatedAt)),
            new("bandwidth_limit_bytes", CellKind.Int64, nameof(BandwidthLimitBytes)),
            new("bandwidth_used_bytes", CellKind.Int64, nameof(BandwidthUsedBytes)),
            new("products", CellKind.ProductList, nameof(Products)),
        ],
        static (shape, number) => new SubuserRow(shape, number));

    private const int SubuserIdColumn = 0;
    private const int NameColumn = 1;
    private const int StatusColumn = 2;
    private const int CreatedAtColumn = 3;
    private const int BandwidthLimitBytesColumn = 4;
    private const int BandwidthUsedBytesColumn = 5;
    private const int ProductsColumn = 6;

    private string? _subuserId;
    private string? _name;
    private string? _status;
    private DateTimeOffset _createdAt;
    private long _bandwidthLimitBytes;
    private long _bandwidthUsedBytes;
    private IReadOnlyList<ReportProduct>? _products;

    private SubuserRow(RowShape shape, long rowNumber)
        : base(shape, rowNumber)
    {
    }

    /// <summary>The sub-user (<c>subuser_id</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>subuser_id</c> column, or this row no value for it.</exception>
    public string SubuserId => Has(SubuserIdColumn) ? _subuserId! : throw Missing(SubuserIdColumn);

    /// <summary>Its display name (may be non-ASCII) (<c>name</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>name</c> column, or this row no value for it.</exception>
    public string Name => Has(NameColumn) ? _name! : throw Missing(NameColumn);

    /// <summary>Its status: <c>active</c>, <c>suspended</c> (ran into its limit) or <c>disabled</c>; a string, so a status added later reads too (<c>status</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>status</c> column, or this row no value for it.</exception>
    public string Status => Has(StatusColumn) ? _status! : throw Missing(StatusColumn);

    /// <summary>When it was created, in UTC (<c>created_at</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>created_at</c> column, or this row no value for it.</exception>
    public DateTimeOffset CreatedAt => Has(CreatedAtColumn) ? _createdAt : throw Missing(CreatedAtColumn);

    /// <summary>Its bandwidth cap in bytes (<c>bandwidth_limit_bytes</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>bandwidth_limit_bytes</c> column, or this row no value for it.</exception>
    public long BandwidthLimitBytes => Has(BandwidthLimitBytesColumn) ? _bandwidthLimitBytes : throw Missing(BandwidthLimitBytesColumn);

    /// <summary>The bandwidth used so far, in bytes (<c>bandwidth_used_bytes</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>bandwidth_used_bytes</c> column, or this row no value for it.</exception>
    public long BandwidthUsedBytes => Has(BandwidthUsedBytesColumn) ? _bandwidthUsedBytes : throw Missing(BandwidthUsedBytesColumn);

    /// <summary>The products it may use (the <c>;</c>-separated column, split); empty when the cell is empty (<c>products</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>products</c> column, or this row no value for it.</exception>
    public IReadOnlyList<ReportProduct> Products => Has(ProductsColumn) ? _products! : throw Missing(ProductsColumn);

    internal override void SetText(int column, string value)
    {
        switch (column)
        {
            case SubuserIdColumn:
                _subuserId = value;
                break;
            case NameColumn:
                _name = value;
                break;
            case StatusColumn:
                _status = value;
                break;
            default:
                base.SetText(column, value);
                break;
        }
    }

    internal override void SetTimestamp(int column, DateTimeOffset value)
    {
        if (column != CreatedAtColumn)
        {
            base.SetTimestamp(column, value);
        }

        _createdAt = value;
    }

    internal override void SetInt64(int column, long value)
    {
        switch (column)
        {
            case BandwidthLimitBytesColumn:
                _bandwidthLimitBytes = value;
                break;
            case BandwidthUsedBytesColumn:
                _bandwidthUsedBytes = value;
                break;
            default:
                base.SetInt64(column, value);
                break;
        }
    }

    internal override void SetProducts(int column, IReadOnlyList<ReportProduct> value)
    {
        if (column != ProductsColumn)
        {
            base.SetProducts(column, value);
        }

        _products = value;
    }

    internal override string FormatKnown(int column) => column switch
    {
        SubuserIdColumn => _subuserId!,
        NameColumn => _name!,
        StatusColumn => _status!,
        CreatedAtColumn => CellText.Timestamp(_createdAt),
        BandwidthLimitBytesColumn => CellText.Number(_bandwidthLimitBytes),
        BandwidthUsedBytesColumn => CellText.Number(_bandwidthUsedBytes),
        ProductsColumn => CellText.Products(_products!),
        _ => base.FormatKnown(column),
    };
}
