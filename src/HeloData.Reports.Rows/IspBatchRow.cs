namespace HeloData.Reports.Rows;

/// <summary>
/// A row of a <c>isp_batches</c> report: one address of an ISP batch, with its health.
/// One typed property per column of docs/artifacts.md; other columns are kept in
/// <see cref="ReportRow.AdditionalColumns"/>.
/// </summary>
/// <remarks>
/// A property whose column the artifact lacks (or this row leaves empty in NDJSON) throws
/// <see cref="InvalidOperationException"/> naming the column when read, and only then.
/// </remarks>
public sealed class IspBatchRow : ReportRow
{
    internal static readonly RowKind Kind = new(
        nameof(IspBatchRow),
        [
            new("batch_id", CellKind.Text, nameof(BatchId)),
            new("ip", CellKind.Text, nameof(Ip)),
            new("country", CellKind.Text, nameof(Country)),
            new("asn", CellKind.Int64, nameof(Asn)),
            new("status", CellKind.Text, nameof(Status)),
            new("health_score", CellKind.Int32, nameof(HealthScore)),
            new("last_checked_at", CellKind.Timestamp, nameof(LastCheckedAt)),
        ],
        static (shape, number) => new IspBatchRow(shape, number));

    private const int BatchIdColumn = 0;
    private const int IpColumn = 1;
    private const int CountryColumn = 2;
    private const int AsnColumn = 3;
    private const int StatusColumn = 4;
    private const int HealthScoreColumn = 5;
    private const int LastCheckedAtColumn = 6;

    private string? _batchId;
    private string? _ip;
    private string? _country;
    private long _asn;
    private string? _status;
    private int _healthScore;
    private DateTimeOffset _lastCheckedAt;

    private IspBatchRow(RowShape shape, long rowNumber)
        : base(shape, rowNumber)
    {
    }

    /// <summary>The batch (<c>batch_id</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>batch_id</c> column, or this row no value for it.</exception>
    public string BatchId => Has(BatchIdColumn) ? _batchId! : throw Missing(BatchIdColumn);

    /// <summary>The address, as written (a string: parse it with <see cref="System.Net.IPAddress.Parse(string)"/> when needed; most code only compares or prints it) (<c>ip</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>ip</c> column, or this row no value for it.</exception>
    public string Ip => Has(IpColumn) ? _ip! : throw Missing(IpColumn);

    /// <summary>The ISO 3166-1 alpha-2 country of the batch (<c>country</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>country</c> column, or this row no value for it.</exception>
    public string Country => Has(CountryColumn) ? _country! : throw Missing(CountryColumn);

    /// <summary>The announcing autonomous system (32-bit unsigned in general, hence a <see cref="long"/>) (<c>asn</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>asn</c> column, or this row no value for it.</exception>
    public long Asn => Has(AsnColumn) ? _asn : throw Missing(AsnColumn);

    /// <summary>Its health status: <c>healthy</c>, <c>degraded</c> or <c>unreachable</c>; a string, so a status added later reads too (<c>status</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>status</c> column, or this row no value for it.</exception>
    public string Status => Has(StatusColumn) ? _status! : throw Missing(StatusColumn);

    /// <summary>Its health, 0 to 100, higher is better (<c>health_score</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>health_score</c> column, or this row no value for it.</exception>
    public int HealthScore => Has(HealthScoreColumn) ? _healthScore : throw Missing(HealthScoreColumn);

    /// <summary>When the health was measured, in UTC (<c>last_checked_at</c>).</summary>
    /// <exception cref="InvalidOperationException">The artifact has no <c>last_checked_at</c> column, or this row no value for it.</exception>
    public DateTimeOffset LastCheckedAt => Has(LastCheckedAtColumn) ? _lastCheckedAt : throw Missing(LastCheckedAtColumn);

    internal override void SetText(int column, string value)
    {
        switch (column)
        {
            case BatchIdColumn:
                _batchId = value;
                break;
            case IpColumn:
                _ip = value;
                break;
            case CountryColumn:
                _country = value;
                break;
            case StatusColumn:
                _status = value;
                break;
            default:
                base.SetText(column, value);
                break;
        }
    }

    internal override void SetInt64(int column, long value)
    {
        if (column != AsnColumn)
        {
            base.SetInt64(column, value);
        }

        _asn = value;
    }

    internal override void SetInt32(int column, int value)
    {
        if (column != HealthScoreColumn)
        {
            base.SetInt32(column, value);
        }

        _healthScore = value;
    }

    internal override void SetTimestamp(int column, DateTimeOffset value)
    {
        if (column != LastCheckedAtColumn)
        {
            base.SetTimestamp(column, value);
        }

        _lastCheckedAt = value;
    }

    internal override string FormatKnown(int column) => column switch
    {
        BatchIdColumn => _batchId!,
        IpColumn => _ip!,
        CountryColumn => _country!,
        AsnColumn => CellText.Number(_asn),
        StatusColumn => _status!,
        HealthScoreColumn => CellText.Number(_healthScore),
        LastCheckedAtColumn => CellText.Timestamp(_lastCheckedAt),
        _ => base.FormatKnown(column),
    };
}
