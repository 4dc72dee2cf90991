using System.Globalization;
using System.Net;
using static HeloData.Reports.Testing.Tests.Artifacts.ArtifactGeneratorTests;

namespace HeloData.Reports.Testing.Tests.Artifacts;

/// <summary>What the rows of each report type mean: filters, windows, and plausible, consistent values.</summary>
public sealed class ArtifactContentTests
{
    private static readonly DateOnly From = new(2026, 4, 20);
    private static readonly DateOnly To = new(2026, 5, 10);

    [TestCase("traffic")]
    [TestCase("requests")]
    [TestCase("invoices")]
    public async Task A_product_filter_keeps_only_that_product(string type)
    {
        var artifact = await GenerateAndReadAsync(Request(type, "parquet", products: ["mobile"]));

        Assert.That(artifact.Rows, Is.Not.Empty);
        Assert.That(artifact.Column("product"), Has.All.EqualTo("mobile"));
    }

    [TestCase("traffic")]
    [TestCase("requests")]
    [TestCase("invoices")]
    public async Task No_filter_means_all_four_products(string type)
    {
        var artifact = await GenerateAndReadAsync(Request(type, "json"));

        Assert.That(artifact.Column("product").Distinct(), Is.SubsetOf(new[] { "residential", "mobile", "datacenter", "isp" }));
        Assert.That(artifact.Column("product").Distinct().Count(), Is.GreaterThan(1));
    }

    [Test]
    public async Task Subusers_filtered_by_product_are_those_allowed_it()
    {
        foreach (var product in new[] { "residential", "mobile", "datacenter", "isp" })
        {
            var artifact = await GenerateAndReadAsync(Request("subusers", products: [product]));

            Assert.That(artifact.Rows, Is.Not.Empty, product);
            Assert.That(artifact.Column("products").Select(list => list.Split(';')), Has.All.Contains(product), product);
        }
    }

    [Test]
    public void Isp_batches_have_no_product_column_so_the_filter_does_not_apply()
    {
        var filtered = Testing.Artifacts.ArtifactGenerator.Generate(Request("isp_batches", products: ["mobile"]));
        var unfiltered = Testing.Artifacts.ArtifactGenerator.Generate(Request("isp_batches"));

        Assert.That(filtered, Is.EqualTo(unfiltered));
    }

    [TestCase("traffic", "date")]
    [TestCase("requests", "timestamp")]
    [TestCase("invoices", "issued_on")]
    [TestCase("invoices", "period_start")]
    [TestCase("invoices", "period_end")]
    [TestCase("isp_batches", "last_checked_at")]
    public async Task Dates_stay_inside_the_window(string type, string column)
    {
        var artifact = await GenerateAndReadAsync(Request(type, "tsv", from: From, to: To));

        var days = artifact.Column(column).Select(value => DateOnly.ParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        Assert.That(days, Has.All.InRange(From, To));
    }

    [Test]
    public async Task Traffic_has_one_row_per_day_sub_user_and_product_on_every_day()
    {
        var artifact = await GenerateAndReadAsync(Request("traffic", from: From, to: To));

        var keys = artifact.Rows.Select(row => (row["date"], row["subuser_id"], row["product"])).ToArray();
        Assert.That(keys, Is.Unique);
        Assert.That(artifact.Column("date").Distinct().Count(), Is.EqualTo(To.DayNumber - From.DayNumber + 1));
        Assert.That(artifact.Column("bandwidth_bytes").Select(value => long.Parse(value, CultureInfo.InvariantCulture)), Has.All.GreaterThan(0));
        Assert.That(artifact.Column("requests").Select(value => long.Parse(value, CultureInfo.InvariantCulture)), Has.All.GreaterThan(0));
    }

    [Test]
    public async Task Requests_are_a_time_ordered_sample_with_plausible_values()
    {
        var artifact = await GenerateAndReadAsync(Request("requests", from: From, to: To));

        Assert.That(artifact.Column("timestamp"), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(artifact.Column("timestamp").Select(t => DateTime.ParseExact(t, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), Is.Not.Empty);
        Assert.That(artifact.Column("status_code").Select(value => int.Parse(value, CultureInfo.InvariantCulture)), Has.All.InRange(100, 599));
        Assert.That(artifact.Column("bytes").Select(value => long.Parse(value, CultureInfo.InvariantCulture)), Has.All.GreaterThanOrEqualTo(0));
        Assert.That(artifact.Column("latency_ms").Select(value => int.Parse(value, CultureInfo.InvariantCulture)), Has.All.GreaterThan(0));
        Assert.That(artifact.Column("target_host").Select(host => host[host.IndexOf('.', StringComparison.Ordinal)..]), Has.All.AnyOf(".example.com", ".example.net", ".example.org"), "RFC 2606 names only");
        Assert.That(artifact.Column("country"), Has.All.Length.EqualTo(2));
    }

    [Test]
    public async Task Invoices_bill_each_month_of_the_window_and_amounts_are_quantity_times_price()
    {
        var artifact = await GenerateAndReadAsync(Request("invoices", "parquet", from: From, to: To));

        var periods = artifact.Rows.Select(row => (row["invoice_id"], row["period_start"], row["period_end"], row["issued_on"])).Distinct().ToArray();
        Assert.That(periods, Is.EqualTo(new[]
        {
            (periods[0].Item1, "2026-04-20", "2026-04-30", "2026-04-30"),
            (periods[1].Item1, "2026-05-01", "2026-05-10", "2026-05-10"),
        }));
        Assert.That(artifact.Column("line_id"), Is.Unique);
        foreach (var row in artifact.Rows)
        {
            var expected = Math.Round(decimal.Parse(row["quantity"], CultureInfo.InvariantCulture) * decimal.Parse(row["unit_price_usd"], CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero);
            Assert.That(row["amount_usd"], Is.EqualTo(expected.ToString("F2", CultureInfo.InvariantCulture)), row["line_id"]);
        }
    }

    [Test]
    public async Task Every_report_of_one_sandbox_names_the_same_sub_users()
    {
        var subusers = (await GenerateAndReadAsync(Request("subusers", runId: "run_A"))).Column("subuser_id").ToHashSet();
        var traffic = await GenerateAndReadAsync(Request("traffic", runId: "run_B"));
        var requests = await GenerateAndReadAsync(Request("requests", runId: "run_C"));

        Assert.That(subusers, Has.All.Match("^su_[0-9a-f]{4}$"));
        Assert.That(traffic.Column("subuser_id").Distinct(), Is.EquivalentTo(subusers));
        Assert.That(requests.Column("subuser_id").Distinct(), Is.SubsetOf(subusers));
    }

    [Test]
    public async Task Subusers_existed_before_the_window_and_stay_within_their_limit()
    {
        var artifact = await GenerateAndReadAsync(Request("subusers", from: From, to: To));

        foreach (var row in artifact.Rows)
        {
            Assert.That(DateOnly.ParseExact(row["created_at"][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), Is.LessThan(From));
            Assert.That(long.Parse(row["bandwidth_used_bytes"], CultureInfo.InvariantCulture), Is.InRange(0, long.Parse(row["bandwidth_limit_bytes"], CultureInfo.InvariantCulture)));
            Assert.That(row["status"], Is.AnyOf("active", "suspended", "disabled"));
        }
    }

    [Test]
    public async Task Isp_batch_addresses_come_from_the_documentation_ranges_only()
    {
        var artifact = await GenerateAndReadAsync(Request("isp_batches"));

        foreach (var row in artifact.Rows)
        {
            var ip = IPAddress.Parse(row["ip"]);
            Assert.That(new[] { "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24" }.Any(range => IPNetwork.Parse(range).Contains(ip)), row["ip"]);
            Assert.That(int.Parse(row["asn"], CultureInfo.InvariantCulture), Is.InRange(64496, 64511), "RFC 5398 documentation ASNs");
            Assert.That(int.Parse(row["health_score"], CultureInfo.InvariantCulture), Is.InRange(0, 100));
            Assert.That(row["status"], Is.AnyOf("healthy", "degraded", "unreachable"));
        }

        Assert.That(artifact.Column("ip"), Is.Unique);
        Assert.That(artifact.Column("batch_id").Distinct().Count(), Is.InRange(2, 3));
    }
}
