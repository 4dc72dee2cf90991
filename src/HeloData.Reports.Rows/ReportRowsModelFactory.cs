namespace HeloData.Reports.Rows;

/// <summary>
/// Builds typed rows, whose setters are not public, so application tests can make a mocked reader
/// (or a mocked <see cref="IReportsClient.OpenReadAsync"/> feeding one) yield realistic rows. The
/// service's response models are built by <see cref="ReportsModelFactory"/>.
/// </summary>
/// <remarks>
/// A row built here is the row a reader would yield for the same values: its typed properties return
/// the values given; its indexer spells them as the csv does (<c>2026-05-01</c>,
/// <c>2026-05-01T03:05:46Z</c>, a decimal with the scale it carries, so <c>3.4500m</c> is
/// <c>3.4500</c>); <see cref="ReportRow.Columns"/> lists the documented columns in the order of
/// docs/artifacts.md, then the additional ones, which <see cref="ReportRow.AdditionalColumns"/> holds.
/// Timestamps are kept in UTC, as a read row keeps them.
/// </remarks>
/// <example>
/// <code>
/// var row = ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Residential,
///     bandwidthBytes: 7_706_781_941, requests: 74_754);
/// </code>
/// </example>
public static class ReportRowsModelFactory
{
    /// <summary>Creates a <see cref="Rows.TrafficRow"/>, as read from a <c>traffic</c> artifact.</summary>
    /// <param name="date">The UTC day (<c>date</c>).</param>
    /// <param name="subuserId">The sub-user (<c>subuser_id</c>).</param>
    /// <param name="product">The product the traffic went through (<c>product</c>).</param>
    /// <param name="bandwidthBytes">Bytes transferred that day (<c>bandwidth_bytes</c>).</param>
    /// <param name="requests">Requests made that day (<c>requests</c>).</param>
    /// <param name="rowNumber">The 1-based row number.</param>
    /// <param name="additionalColumns">Columns the row type does not know, by name, as text; after the documented ones in <see cref="ReportRow.Columns"/>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subuserId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowNumber"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="additionalColumns"/> names a documented column or holds a <see langword="null"/> value.</exception>
    public static TrafficRow TrafficRow(
        DateOnly date,
        string subuserId,
        ReportProduct product,
        long bandwidthBytes,
        long requests,
        long rowNumber = 1,
        IReadOnlyDictionary<string, string>? additionalColumns = null) =>
        new RowBuilder<TrafficRow>(rowNumber, additionalColumns)
            .Date(date)
            .Text(subuserId)
            .Product(product)
            .Int64(bandwidthBytes)
            .Int64(requests)
            .Build();

    /// <summary>Creates a <see cref="Rows.RequestRow"/>, as read from a <c>requests</c> artifact.</summary>
    /// <param name="timestamp">When the request was made (<c>timestamp</c>); kept in UTC.</param>
    /// <param name="subuserId">The sub-user that made it (<c>subuser_id</c>).</param>
    /// <param name="product">The product it went through (<c>product</c>).</param>
    /// <param name="targetHost">The host requested (<c>target_host</c>).</param>
    /// <param name="country">The ISO 3166-1 alpha-2 exit country (<c>country</c>).</param>
    /// <param name="statusCode">The HTTP status the target answered (<c>status_code</c>).</param>
    /// <param name="bytes">The response size in bytes (<c>bytes</c>).</param>
    /// <param name="latencyMs">The round trip through the proxy, in milliseconds (<c>latency_ms</c>).</param>
    /// <param name="rowNumber">The 1-based row number.</param>
    /// <param name="additionalColumns">Columns the row type does not know, by name, as text; after the documented ones in <see cref="ReportRow.Columns"/>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subuserId"/>, <paramref name="targetHost"/> or <paramref name="country"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowNumber"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="additionalColumns"/> names a documented column or holds a <see langword="null"/> value.</exception>
    public static RequestRow RequestRow(
        DateTimeOffset timestamp,
        string subuserId,
        ReportProduct product,
        string targetHost,
        string country,
        int statusCode,
        long bytes,
        int latencyMs,
        long rowNumber = 1,
        IReadOnlyDictionary<string, string>? additionalColumns = null) =>
        new RowBuilder<RequestRow>(rowNumber, additionalColumns)
            .Timestamp(timestamp)
            .Text(subuserId)
            .Product(product)
            .Text(targetHost)
            .Text(country)
            .Int32(statusCode)
            .Int64(bytes)
            .Int32(latencyMs)
            .Build();

    /// <summary>Creates an <see cref="Rows.InvoiceRow"/>, as read from an <c>invoices</c> artifact.</summary>
    /// <param name="invoiceId">The invoice (<c>invoice_id</c>).</param>
    /// <param name="lineId">The line item (<c>line_id</c>).</param>
    /// <param name="issuedOn">The invoice date (<c>issued_on</c>).</param>
    /// <param name="periodStart">The first day billed (<c>period_start</c>).</param>
    /// <param name="periodEnd">The last day billed (<c>period_end</c>).</param>
    /// <param name="product">The product billed (<c>product</c>).</param>
    /// <param name="description">The human-readable line (<c>description</c>).</param>
    /// <param name="quantity">The units billed (<c>quantity</c>); its scale is kept, so <c>576.688m</c> reads back as <c>576.688</c>.</param>
    /// <param name="unit">The unit, such as <c>GB</c> (<c>unit</c>).</param>
    /// <param name="unitPriceUsd">The price per unit in USD (<c>unit_price_usd</c>); its scale is kept.</param>
    /// <param name="amountUsd">The amount in USD (<c>amount_usd</c>); its scale is kept. Not checked against quantity times unit price.</param>
    /// <param name="rowNumber">The 1-based row number.</param>
    /// <param name="additionalColumns">Columns the row type does not know, by name, as text; after the documented ones in <see cref="ReportRow.Columns"/>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoiceId"/>, <paramref name="lineId"/>, <paramref name="description"/> or <paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowNumber"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="additionalColumns"/> names a documented column or holds a <see langword="null"/> value.</exception>
    public static InvoiceRow InvoiceRow(
        string invoiceId,
        string lineId,
        DateOnly issuedOn,
        DateOnly periodStart,
        DateOnly periodEnd,
        ReportProduct product,
        string description,
        decimal quantity,
        string unit,
        decimal unitPriceUsd,
        decimal amountUsd,
        long rowNumber = 1,
        IReadOnlyDictionary<string, string>? additionalColumns = null) =>
        new RowBuilder<InvoiceRow>(rowNumber, additionalColumns)
            .Text(invoiceId)
            .Text(lineId)
            .Date(issuedOn)
            .Date(periodStart)
            .Date(periodEnd)
            .Product(product)
            .Text(description)
            .Decimal(quantity)
            .Text(unit)
            .Decimal(unitPriceUsd)
            .Decimal(amountUsd)
            .Build();

    /// <summary>Creates a <see cref="Rows.SubuserRow"/>, as read from a <c>subusers</c> artifact.</summary>
    /// <param name="subuserId">The sub-user (<c>subuser_id</c>).</param>
    /// <param name="name">Its display name (<c>name</c>).</param>
    /// <param name="status">Its status, such as <c>active</c> (<c>status</c>).</param>
    /// <param name="createdAt">When it was created (<c>created_at</c>); kept in UTC.</param>
    /// <param name="bandwidthLimitBytes">Its bandwidth cap in bytes (<c>bandwidth_limit_bytes</c>).</param>
    /// <param name="bandwidthUsedBytes">The bandwidth used so far, in bytes (<c>bandwidth_used_bytes</c>).</param>
    /// <param name="products">The products it may use (<c>products</c>), copied; spelled <c>residential;mobile</c> by the indexer.</param>
    /// <param name="rowNumber">The 1-based row number.</param>
    /// <param name="additionalColumns">Columns the row type does not know, by name, as text; after the documented ones in <see cref="ReportRow.Columns"/>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subuserId"/>, <paramref name="name"/>, <paramref name="status"/> or <paramref name="products"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowNumber"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="additionalColumns"/> names a documented column or holds a <see langword="null"/> value.</exception>
    public static SubuserRow SubuserRow(
        string subuserId,
        string name,
        string status,
        DateTimeOffset createdAt,
        long bandwidthLimitBytes,
        long bandwidthUsedBytes,
        IEnumerable<ReportProduct> products,
        long rowNumber = 1,
        IReadOnlyDictionary<string, string>? additionalColumns = null) =>
        new RowBuilder<SubuserRow>(rowNumber, additionalColumns)
            .Text(subuserId)
            .Text(name)
            .Text(status)
            .Timestamp(createdAt)
            .Int64(bandwidthLimitBytes)
            .Int64(bandwidthUsedBytes)
            .Products(products)
            .Build();

    /// <summary>Creates an <see cref="Rows.IspBatchRow"/>, as read from an <c>isp_batches</c> artifact.</summary>
    /// <param name="batchId">The batch (<c>batch_id</c>).</param>
    /// <param name="ip">The address, as written (<c>ip</c>).</param>
    /// <param name="country">The ISO 3166-1 alpha-2 country of the batch (<c>country</c>).</param>
    /// <param name="asn">The announcing autonomous system (<c>asn</c>).</param>
    /// <param name="status">Its health status, such as <c>healthy</c> (<c>status</c>).</param>
    /// <param name="healthScore">Its health, 0 to 100 (<c>health_score</c>).</param>
    /// <param name="lastCheckedAt">When the health was measured (<c>last_checked_at</c>); kept in UTC.</param>
    /// <param name="rowNumber">The 1-based row number.</param>
    /// <param name="additionalColumns">Columns the row type does not know, by name, as text; after the documented ones in <see cref="ReportRow.Columns"/>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batchId"/>, <paramref name="ip"/>, <paramref name="country"/> or <paramref name="status"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowNumber"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="additionalColumns"/> names a documented column or holds a <see langword="null"/> value.</exception>
    public static IspBatchRow IspBatchRow(
        string batchId,
        string ip,
        string country,
        long asn,
        string status,
        int healthScore,
        DateTimeOffset lastCheckedAt,
        long rowNumber = 1,
        IReadOnlyDictionary<string, string>? additionalColumns = null) =>
        new RowBuilder<IspBatchRow>(rowNumber, additionalColumns)
            .Text(batchId)
            .Text(ip)
            .Text(country)
            .Int64(asn)
            .Text(status)
            .Int32(healthScore)
            .Timestamp(lastCheckedAt)
            .Build();
}
