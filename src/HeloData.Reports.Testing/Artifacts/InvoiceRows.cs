using System.Globalization;
using static HeloData.Reports.Testing.Artifacts.ArtifactColumn;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// <c>invoices</c>: line items of one invoice per calendar month the window touches. Each invoice
/// bills its month clipped to the window and is issued on that period's last day, so every date
/// stays inside the window and even a one-day window has an invoice.
/// </summary>
internal sealed class InvoiceRows : IReportRows
{
    // Pay-as-you-go list prices per GB, and the daily volume an account bills, in thousandths of a GB.
    private static readonly Dictionary<string, (string Label, decimal PricePerGb, int MinMilliGb, int MaxMilliGb)> Plans =
        new(StringComparer.Ordinal)
        {
            ["residential"] = ("Residential proxy", 3.4500m, 4_000, 40_000),
            ["mobile"] = ("Mobile proxy", 5.9900m, 500, 8_000),
            ["datacenter"] = ("Datacenter proxy", 0.6500m, 20_000, 150_000),
            ["isp"] = ("ISP proxy", 2.2500m, 3_000, 25_000),
        };

    private const decimal PricePerIpMonth = 2.5000m;

    public string ReportType => "invoices";

    public bool FiltersByProduct => true;

    public IReadOnlyList<ArtifactColumn> Columns { get; } =
    [
        Text("invoice_id"), Text("line_id"), Date("issued_on"), Date("period_start"), Date("period_end"), Text("product"),
        Text("description"), Decimal("quantity", 3), Text("unit"), Decimal("unit_price_usd", 4), Decimal("amount_usd", 2),
    ];

    public IEnumerable<object[]> Rows(ArtifactContext context)
    {
        var random = context.Random;
        var (from, to) = (context.Request.From, context.Request.To);
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var start = from > month ? from : month;
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var end = to < monthEnd ? to : monthEnd;
            var days = end.DayNumber - start.DayNumber + 1;
            var period = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd}");
            var invoiceId = random.Base32Id("inv_", 10);

            foreach (var product in context.Products)
            {
                var (label, price, minMilliGb, maxMilliGb) = Plans[product];
                var gb = days * (long)random.Next(minMilliGb, maxMilliGb + 1) / 1000m;
                yield return Line(random, invoiceId, start, end, product, $"{label} bandwidth, {period}", gb, "GB", price);

                if (product == "isp")
                {
                    // Static IPs are leased by the month, prorated to the days billed.
                    var ips = context.Account.IspBatches.Sum(batch => batch.Hosts.Count);
                    var ipMonths = Math.Round(ips * (decimal)days / DateTime.DaysInMonth(month.Year, month.Month), 3, MidpointRounding.AwayFromZero);
                    var description = string.Create(CultureInfo.InvariantCulture, $"ISP static IPs ({ips} IPs), {period}");
                    yield return Line(random, invoiceId, start, end, product, description, ipMonths, "ip_month", PricePerIpMonth);
                }
            }
        }
    }

    private static object[] Line(
        Random random, string invoiceId, DateOnly start, DateOnly end, string product, string description, decimal quantity, string unit, decimal unitPrice) =>
    [
        invoiceId, random.Base32Id("li_", 10), end, start, end, product, description, quantity, unit, unitPrice,
        // Commercial rounding of the line total to whole cents.
        Math.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero),
    ];
}
