using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// <see cref="ReportsModelFactory"/>'s rows: typed properties, indexer text, columns and additional
/// columns that agree with each other and with a row read from a file holding the same values.
/// </summary>
public sealed class RowModelFactoryTests
{
    private static readonly DateTimeOffset Checked = new(2026, 5, 28, 9, 19, 22, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> RowTypes() =>
    [
        Case<TrafficRow>(TestArtifact.Traffic, r => ReportRowsModelFactory.TrafficRow(r.Date, r.SubuserId, r.Product, r.BandwidthBytes, r.Requests, r.RowNumber)),
        Case<RequestRow>(TestArtifact.Requests, r => ReportRowsModelFactory.RequestRow(r.Timestamp, r.SubuserId, r.Product, r.TargetHost, r.Country, r.StatusCode, r.Bytes, r.LatencyMs, r.RowNumber)),
        Case<InvoiceRow>(TestArtifact.Invoices, r => ReportRowsModelFactory.InvoiceRow(
            r.InvoiceId, r.LineId, r.IssuedOn, r.PeriodStart, r.PeriodEnd, r.Product, r.Description, r.Quantity, r.Unit, r.UnitPriceUsd, r.AmountUsd, r.RowNumber)),
        Case<SubuserRow>(TestArtifact.Subusers, r => ReportRowsModelFactory.SubuserRow(r.SubuserId, r.Name, r.Status, r.CreatedAt, r.BandwidthLimitBytes, r.BandwidthUsedBytes, r.Products, r.RowNumber)),
        Case<IspBatchRow>(TestArtifact.IspBatches, r => ReportRowsModelFactory.IspBatchRow(r.BatchId, r.Ip, r.Country, r.Asn, r.Status, r.HealthScore, r.LastCheckedAt, r.RowNumber)),
    ];

    [TestCaseSource(nameof(RowTypes))]
    public async Task A_row_built_from_a_read_rows_values_is_that_row_in_every_column(string[] columns, string[][] cells, Func<Task<(ReportRow Read, ReportRow Built)[]>> readAndRebuild)
    {
        var pairs = await readAndRebuild();

        Assert.That(pairs, Has.Length.EqualTo(cells.Length).And.Length.GreaterThan(0));
        Assert.Multiple(() =>
        {
            for (var row = 0; row < pairs.Length; row++)
            {
                var (read, built) = pairs[row];
                Assert.That(built.GetType(), Is.EqualTo(read.GetType()));
                Assert.That(built.Columns, Is.EqualTo(columns), "the documented columns, in the documented order");
                Assert.That(built.RowNumber, Is.EqualTo(read.RowNumber));
                Assert.That(built.AdditionalColumns, Is.Empty);
                for (var column = 0; column < columns.Length; column++)
                {
                    Assert.That(built[columns[column]], Is.EqualTo(cells[row][column]), $"row {row + 1}, {columns[column]}: spelled as the csv spells it");
                }

                Assert.That(built.ToString(), Is.EqualTo(read.ToString()), "every value, as the reader's row gives it");
            }
        });
    }

    [Test]
    public void A_traffic_row_answers_with_the_values_given()
    {
        var row = ReportRowsModelFactory.TrafficRow(new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Mobile, 7_706_781_941, 74_754, rowNumber: 12);

        Assert.That((row.Date, row.SubuserId, row.Product, row.BandwidthBytes, row.Requests), Is.EqualTo((new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Mobile, 7_706_781_941L, 74_754L)));
        Assert.That(row.RowNumber, Is.EqualTo(12));
        Assert.That(row["product"], Is.EqualTo("mobile"));
        Assert.That(row.TryGetValue("requests", out var requests), Is.True);
        Assert.That(requests, Is.EqualTo("74754"));
        Assert.That(row.ToString(), Is.EqualTo("TrafficRow 12: date=2026-05-01, subuser_id=su_27c4, product=mobile, bandwidth_bytes=7706781941, requests=74754"));
        Assert.That(ReportRowsModelFactory.TrafficRow(default, "x", ReportProduct.Isp, 0, 0).RowNumber, Is.EqualTo(1), "row 1 by default");
    }

    [Test]
    public void A_decimal_keeps_the_scale_it_was_given_as_a_read_value_keeps_the_files()
    {
        var row = ReportRowsModelFactory.InvoiceRow(
            "inv_1", "li_1", new DateOnly(2026, 5, 28), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 28), ReportProduct.Residential,
            "Residential proxy bandwidth, May", quantity: 576.688m, unit: "GB", unitPriceUsd: 3.4500m, amountUsd: 1989.50m);

        Assert.That((row["quantity"], row["unit_price_usd"], row["amount_usd"]), Is.EqualTo(("576.688", "3.4500", "1989.50")));
        Assert.That(row.AmountUsd, Is.EqualTo(1989.5m));
        Assert.That(row["description"], Is.EqualTo("Residential proxy bandwidth, May"), "the value, not its csv quoting");
    }

    [Test]
    public void A_timestamp_is_kept_in_utc_and_spelled_with_z_as_a_read_one_is()
    {
        var local = new DateTimeOffset(2026, 5, 1, 5, 5, 46, TimeSpan.FromHours(2));

        var request = ReportRowsModelFactory.RequestRow(local, "su_27c4", ReportProduct.Residential, "search.example.net", "BR", 200, 527_685, 294);
        var fraction = ReportRowsModelFactory.IspBatchRow("ispb_1", "198.51.100.82", "NL", 64_509, "healthy", 86, Checked.AddMilliseconds(250));

        Assert.That(request.Timestamp, Is.EqualTo(local));
        Assert.That(request.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(request["timestamp"], Is.EqualTo("2026-05-01T03:05:46Z"));
        Assert.That(fraction["last_checked_at"], Is.EqualTo("2026-05-28T09:19:22.25Z"));
        Assert.That(request["status_code"], Is.EqualTo("200"));
    }

    [Test]
    public void A_subusers_products_are_a_copy_spelled_with_semicolons()
    {
        var products = new List<ReportProduct> { ReportProduct.Residential, ReportProduct.Mobile };

        var row = ReportRowsModelFactory.SubuserRow("su_27c4", "équipe-paris", "active", Checked, 1_073_741_824_000, 580_894_326_784, products);
        products.Add(ReportProduct.Isp);
        var none = ReportRowsModelFactory.SubuserRow("su_4a08", "catalog-sync", "suspended", Checked, 1000, 1000, []);

        Assert.That(row.Products, Is.EqualTo(new[] { ReportProduct.Residential, ReportProduct.Mobile }), "later changes to the argument do not reach the row");
        Assert.That(row["products"], Is.EqualTo("residential;mobile"));
        Assert.That(row.Products is ICollection<ReportProduct> { IsReadOnly: true }, Is.True, "not a list the caller could change");
        Assert.That(none.Products, Is.Empty);
        Assert.That(none["products"], Is.Empty);
    }

    [Test]
    public void Additional_columns_follow_the_documented_ones_and_read_by_name()
    {
        var extra = new Dictionary<string, string> { ["region"] = "eu-west", ["note"] = "a, \"quoted\" value" };

        var row = ReportRowsModelFactory.IspBatchRow("ispb_1", "198.51.100.82", "NL", 64_509, "healthy", 86, Checked, additionalColumns: extra);
        extra["late"] = "added after";

        Assert.That(row.Columns, Is.EqualTo(new[] { "batch_id", "ip", "country", "asn", "status", "health_score", "last_checked_at", "region", "note" }));
        Assert.That(row.AdditionalColumns, Is.EquivalentTo(new Dictionary<string, string> { ["region"] = "eu-west", ["note"] = "a, \"quoted\" value" }));
        Assert.That(row["note"], Is.EqualTo("a, \"quoted\" value"));
        Assert.That(row["asn"], Is.EqualTo("64509"));
        Assert.That(row.TryGetValue("late", out _), Is.False);
        Assert.That(() => row["late"], Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("region"));
    }

    [Test]
    public void An_additional_column_may_not_shadow_a_documented_one_nor_be_null()
    {
        var shadow = new Dictionary<string, string> { ["requests"] = "1" };
        var empty = new Dictionary<string, string> { ["region"] = null! };

        Assert.That(
            () => ReportRowsModelFactory.TrafficRow(default, "su_1", ReportProduct.Isp, 1, 2, additionalColumns: shadow),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("additionalColumns").And.Message.Contains("Requests"));
        Assert.That(
            () => ReportRowsModelFactory.TrafficRow(default, "su_1", ReportProduct.Isp, 1, 2, additionalColumns: empty),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("additionalColumns").And.Message.Contains("region"));
    }

    [Test]
    public void A_missing_text_value_or_a_row_number_below_one_is_refused_by_name()
    {
        Assert.That(
            () => ReportRowsModelFactory.TrafficRow(default, null!, ReportProduct.Isp, 1, 2),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("subuserId"));
        Assert.That(
            () => ReportRowsModelFactory.IspBatchRow("ispb_1", "198.51.100.82", "NL", 64_509, null!, 86, Checked),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("status"));
        Assert.That(
            () => ReportRowsModelFactory.SubuserRow("su_1", "n", "active", Checked, 1, 1, null!),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("products"));
        Assert.That(
            () => ReportRowsModelFactory.TrafficRow(default, "su_1", ReportProduct.Isp, 1, 2, rowNumber: 0),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("rowNumber"));
    }

    private static TestCaseData Case<TRow>(TestArtifact artifact, Func<TRow, TRow> rebuild)
        where TRow : ReportRow
    {
        Func<Task<(ReportRow, ReportRow)[]>> readAndRebuild = async () =>
            [.. (await ReportRowsTests.ReadAllAsync<TRow>(artifact.Csv(), ReportFormat.Csv)).Select(read => ((ReportRow)read, (ReportRow)rebuild(read)))];
        return new TestCaseData(artifact.Columns.Select(c => c.Name).ToArray(), artifact.Rows.ToArray(), readAndRebuild).SetArgDisplayNames(typeof(TRow).Name);
    }
}
