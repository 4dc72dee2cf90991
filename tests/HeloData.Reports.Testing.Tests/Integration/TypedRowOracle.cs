using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// A report type's typed row, each property next to an independent parse of its column's csv text
/// (invariant culture and the spellings of docs/artifacts.md, not the SDK's parser), so a typed value
/// can be checked against the csv of the same run.
/// </summary>
internal abstract class TypedRowOracle
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyDictionary<string, TypedRowOracle> ByReportType { get; } = new Dictionary<string, TypedRowOracle>
    {
        ["traffic"] = new For<TrafficRow>(
            ("date", r => r.Date, Date),
            ("subuser_id", r => r.SubuserId, Text),
            ("product", r => r.Product, Product),
            ("bandwidth_bytes", r => r.BandwidthBytes, Int64),
            ("requests", r => r.Requests, Int64)),
        ["requests"] = new For<RequestRow>(
            ("timestamp", r => Utc(r.Timestamp), Timestamp),
            ("subuser_id", r => r.SubuserId, Text),
            ("product", r => r.Product, Product),
            ("target_host", r => r.TargetHost, Text),
            ("country", r => r.Country, Text),
            ("status_code", r => r.StatusCode, Int32),
            ("bytes", r => r.Bytes, Int64),
            ("latency_ms", r => r.LatencyMs, Int32)),
        ["invoices"] = new For<InvoiceRow>(
            ("invoice_id", r => r.InvoiceId, Text),
            ("line_id", r => r.LineId, Text),
            ("issued_on", r => r.IssuedOn, Date),
            ("period_start", r => r.PeriodStart, Date),
            ("period_end", r => r.PeriodEnd, Date),
            ("product", r => r.Product, Product),
            ("description", r => r.Description, Text),
            ("quantity", r => r.Quantity, Decimal),
            ("unit", r => r.Unit, Text),
            ("unit_price_usd", r => r.UnitPriceUsd, Decimal),
            ("amount_usd", r => r.AmountUsd, Decimal)),
        ["subusers"] = new For<SubuserRow>(
            ("subuser_id", r => r.SubuserId, Text),
            ("name", r => r.Name, Text),
            ("status", r => r.Status, Text),
            ("created_at", r => Utc(r.CreatedAt), Timestamp),
            ("bandwidth_limit_bytes", r => r.BandwidthLimitBytes, Int64),
            ("bandwidth_used_bytes", r => r.BandwidthUsedBytes, Int64),
            ("products", r => string.Join('|', r.Products), Products)),
        ["isp_batches"] = new For<IspBatchRow>(
            ("batch_id", r => r.BatchId, Text),
            ("ip", r => r.Ip, Text),
            ("country", r => r.Country, Text),
            ("asn", r => r.Asn, Int64),
            ("status", r => r.Status, Text),
            ("health_score", r => r.HealthScore, Int32),
            ("last_checked_at", r => Utc(r.LastCheckedAt), Timestamp)),
    };

    /// <summary>The columns checked, in the documented order; a test compares them with the artifact's header, so none goes unchecked.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The row type's name, for messages.</summary>
    public abstract string RowType { get; }

    public abstract IAsyncEnumerable<ReportRow> ReadAsync(IReportsClient client, ReportRun run);

    /// <summary>Each typed property whose value differs from its csv cell, described; empty when the row agrees.</summary>
    public abstract IEnumerable<string> Mismatches(ReportRow row, IReadOnlyDictionary<string, string> csv);

    private static object Text(string text) => text;

    private static object Product(string text) => new ReportProduct(text);

    private static object Products(string text) => string.Join('|', text.Split(';', StringSplitOptions.RemoveEmptyEntries));

    private static object Int32(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, Invariant);

    private static object Int64(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, Invariant);

    // decimal equality ignores the scale; the indexer's text is compared separately, scale and all.
    private static object Decimal(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant);

    private static object Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", Invariant);

    private static object Timestamp(string text) =>
        Utc(DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant, DateTimeStyles.AssumeUniversal));

    // The instant and the offset: a row keeps timestamps in UTC, so an offset other than zero is a mismatch too.
    private static object Utc(DateTimeOffset value) => (value.UtcDateTime, value.Offset);

    private sealed class For<TRow>(params (string Column, Func<TRow, object> Typed, Func<string, object> Parse)[] columns) : TypedRowOracle
        where TRow : ReportRow
    {
        public override IReadOnlyList<string> Columns { get; } = [.. columns.Select(c => c.Column)];

        public override string RowType => typeof(TRow).Name;

        public override IAsyncEnumerable<ReportRow> ReadAsync(IReportsClient client, ReportRun run) => client.ReadRowsAsync<TRow>(run);

        public override IEnumerable<string> Mismatches(ReportRow row, IReadOnlyDictionary<string, string> csv)
        {
            if (row is not TRow typed)
            {
                yield return $"row {row.RowNumber} is a {row.GetType().Name}, not a {RowType}";
                yield break;
            }

            foreach (var (column, property, parse) in columns)
            {
                var actual = property(typed);
                var expected = parse(csv[column]);
                if (!actual.Equals(expected))
                {
                    yield return $"row {row.RowNumber}, {column}: typed {actual}, csv {expected}";
                }
            }
        }
    }
}
