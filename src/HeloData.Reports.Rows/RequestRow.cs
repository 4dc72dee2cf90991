namespace HeloData.Reports.Rows;

/// <summary>
/// A row of a <c>requests</c> report: one sampled request.
/// One typed property per column of docs/artifacts.md; other columns are kept in
/// <see cref="ReportRow.AdditionalColumns"/>.
/// </summary>
/// <remarks>
/// A property whose column the artifact lacks (or this row leaves empty in NDJSON) throws
/// <see cref="InvalidOperationException"/> naming the column when read, and only then.
/// </remarks>
public sealed class RequestRow : ReportRow
{
    internal static readonly RowKind Kind = new(
        nameof(RequestRow),
        [
            new("timestamp", CellKind.Timestamp, nameof(Timestamp)),
            new("subuser_id", CellKind.Text, nameof(SubuserId)),
            new("product", CellKind.Product, nameof(Product)),
            new("target_host", CellKind.Text, nameof(TargetHost)),
            new("country", CellKind.Text, nameof(Country)),
            new("status_code", CellKind.Int32, nameof(StatusCode)),
            new("bytes", CellKind.Int64, nameof(Bytes)),
            new("latency_ms", CellKind.Int32, nameof(LatencyMs)),
        ],
        static (shape, number) => new RequestRow(shape, number));

    private const int TimestampColumn = 0;
    private const int SubuserIdColumn = 1;
    private const int ProductColumn = 2;
    private const int TargetHostColumn = 3;
    private const int CountryColumn = 4;
    private const int StatusCodeColumn = 5;
    private const int BytesColumn = 6;
    private const int LatencyMsColumn = 7;

    private DateTimeOffset _timestamp;
    private string? _subuserId;
    private ReportProduct _product;
    private string? _targetHost;
    private string? _country;
    private int _statusCode;
    private long _bytes;
    private int _latencyMs;

    private RequestRow(RowShape shape, long rowNumber)
        : base(shape, rowNumber)
    {
    }

    /// <summary>When the request was made, in UTC (<c>timestamp</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>timestamp</c> column, or this row no value for it.</exception>
    public DateTimeOffset Timestamp => Has(TimestampColumn) ? _timestamp : throw Missing(TimestampColumn);

    /// <summary>The sub-user that made it (<c>subuser_id</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>subuser_id</c> column, or this row no value for it.</exception>
    public string SubuserId => Has(SubuserIdColumn) ? _subuserId! : throw Missing(SubuserIdColumn);

    /// <summary>The product it went through (<c>product</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>product</c> column, or this row no value for it.</exception>
    public ReportProduct Product => Has(ProductColumn) ? _product : throw Missing(ProductColumn);

    /// <summary>The host requested (<c>target_host</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>target_host</c> column, or this row no value for it.</exception>
    public string TargetHost => Has(TargetHostColumn) ? _targetHost! : throw Missing(TargetHostColumn);

    /// <summary>The ISO 3166-1 alpha-2 exit country (<c>country</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>country</c> column, or this row no value for it.</exception>
    public string Country => Has(CountryColumn) ? _country! : throw Missing(CountryColumn);

    /// <summary>The HTTP status the target answered (<c>status_code</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>status_code</c> column, or this row no value for it.</exception>
    public int StatusCode => Has(StatusCodeColumn) ? _statusCode : throw Missing(StatusCodeColumn);

    /// <summary>The response size in bytes (0 for 204 and 304) (<c>bytes</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>bytes</c> column, or this row no value for it.</exception>
    public long Bytes => Has(BytesColumn) ? _bytes : throw Missing(BytesColumn);

    /// <summary>The round trip through the proxy, in milliseconds (<c>latency_ms</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>latency_ms</c> column, or this row no value for it.</exception>
    public int LatencyMs => Has(LatencyMsColumn) ? _latencyMs : throw Missing(LatencyMsColumn);

    internal override void SetTimestamp(int column, DateTimeOffset value)
    {
        if (column != TimestampColumn)
        {
            base.SetTimestamp(column, value);
        }

        _timestamp = value;
    }

    internal override void SetText(int column, string value)
    {
        switch (column)
        {
            case SubuserIdColumn:
                _subuserId = value;
                break;
            case TargetHostColumn:
                _targetHost = value;
                break;
            case CountryColumn:
                _country = value;
                break;
            default:
                base.SetText(column, value);
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

    internal override void SetInt32(int column, int value)
    {
        switch (column)
        {
            case StatusCodeColumn:
                _statusCode = value;
                break;
            case LatencyMsColumn:
                _latencyMs = value;
                break;
            default:
                base.SetInt32(column, value);
                break;
        }
    }

    internal override void SetInt64(int column, long value)
    {
        if (column != BytesColumn)
        {
            base.SetInt64(column, value);
        }

        _bytes = value;
    }

    internal override string FormatKnown(int column) => column switch
    {
        TimestampColumn => CellText.Timestamp(_timestamp),
        SubuserIdColumn => _subuserId!,
        ProductColumn => _product.ToString(),
        TargetHostColumn => _targetHost!,
        CountryColumn => _country!,
        StatusCodeColumn => CellText.Number(_statusCode),
        BytesColumn => CellText.Number(_bytes),
        LatencyMsColumn => CellText.Number(_latencyMs),
        _ => base.FormatKnown(column),
    };
}
