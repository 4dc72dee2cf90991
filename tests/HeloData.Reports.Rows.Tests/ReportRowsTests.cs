using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>Every row type, every format: the typed values, columns by name in any order, unknown and missing columns.</summary>
public sealed class ReportRowsTests
{
    private static IEnumerable<ReportFormat> Formats => TestArtifact.Formats;

    internal static async Task<List<TRow>> ReadAllAsync<TRow>(byte[] bytes, ReportFormat format, bool seekable = false)
        where TRow : ReportRow
    {
        var rows = new List<TRow>();
        await foreach (var row in ReportRows.ReadAsync<TRow>(seekable ? new MemoryStream(bytes) : new NetworkLikeStream(bytes), format))
        {
            rows.Add(row);
        }

        return rows;
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Traffic_rows_come_typed(ReportFormat format)
    {
        var rows = await ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Bytes(format), format);

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows.Select(r => r.RowNumber), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(rows[0].Date, Is.EqualTo(new DateOnly(2026, 5, 1)));
        Assert.That(rows[0].SubuserId, Is.EqualTo("su_27c4"));
        Assert.That(rows[0].Product, Is.EqualTo(ReportProduct.Residential));
        Assert.That(rows[2].Product, Is.EqualTo(ReportProduct.Isp));
        Assert.That(rows[2].BandwidthBytes, Is.EqualTo(8892276666L));
        Assert.That(rows[1].Requests, Is.EqualTo(9017L));
        Assert.That(rows[0].AdditionalColumns, Is.Empty);
        Assert.That(rows[0].Columns, Is.SameAs(rows[2].Columns), "one column list for the whole read");
        Assert.That(rows[0].Columns, Is.EqualTo(new[] { "date", "subuser_id", "product", "bandwidth_bytes", "requests" }));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Request_rows_come_typed(ReportFormat format)
    {
        var row = (await ReadAllAsync<RequestRow>(TestArtifact.Requests.Bytes(format), format)).Single();

        Assert.That(row.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 3, 5, 46, TimeSpan.Zero)));
        Assert.That(row.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That((row.SubuserId, row.Product, row.TargetHost, row.Country), Is.EqualTo(("su_27c4", ReportProduct.Residential, "search.example.net", "BR")));
        Assert.That((row.StatusCode, row.Bytes, row.LatencyMs), Is.EqualTo((200, 527685L, 294)));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Invoice_rows_keep_money_as_exact_decimals(ReportFormat format)
    {
        var row = (await ReadAllAsync<InvoiceRow>(TestArtifact.Invoices.Bytes(format), format)).Single();

        Assert.That((row.InvoiceId, row.LineId, row.Unit), Is.EqualTo(("inv_2TM24P5249", "li_VHYQA2QYH7", "GB")));
        Assert.That((row.IssuedOn, row.PeriodStart, row.PeriodEnd), Is.EqualTo((new DateOnly(2026, 5, 28), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 28))));
        Assert.That(row.Description, Is.EqualTo("Residential proxy bandwidth, 2026-05-01 to 2026-05-28"));
        Assert.That((row.Quantity, row.UnitPriceUsd, row.AmountUsd), Is.EqualTo((576.688m, 3.45m, 1989.57m)));
        Assert.That(row["unit_price_usd"], Is.EqualTo("3.4500"), "the text keeps the file's decimals");
        Assert.That(row["quantity"], Is.EqualTo("576.688"));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Subuser_rows_split_their_products(ReportFormat format)
    {
        var rows = await ReadAllAsync<SubuserRow>(TestArtifact.Subusers.Bytes(format), format);

        Assert.That(rows[0].Products, Is.EqualTo(new[] { ReportProduct.Residential, ReportProduct.Mobile }));
        Assert.That(rows[1].Products, Is.Empty);
        Assert.That(rows[0].Name, Is.EqualTo("équipe-paris"));
        Assert.That((rows[0].Status, rows[1].Status), Is.EqualTo(("active", "suspended")));
        Assert.That(rows[0].CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 7, 22, 3, 59, 2, TimeSpan.Zero)));
        Assert.That((rows[0].BandwidthLimitBytes, rows[0].BandwidthUsedBytes), Is.EqualTo((1073741824000L, 580894326784L)));
        Assert.That(rows[0]["products"], Is.EqualTo("residential;mobile"));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Isp_batch_rows_come_typed(ReportFormat format)
    {
        var row = (await ReadAllAsync<IspBatchRow>(TestArtifact.IspBatches.Bytes(format), format)).Single();

        Assert.That((row.BatchId, row.Ip, row.Country, row.Status), Is.EqualTo(("ispb_b965", "198.51.100.82", "NL", "healthy")));
        Assert.That((row.Asn, row.HealthScore), Is.EqualTo((64509L, 86)));
        Assert.That(row.LastCheckedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 28, 9, 19, 22, TimeSpan.Zero)));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Columns_are_matched_by_name_in_any_order(ReportFormat format)
    {
        var rows = await ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Reversed().Bytes(format), format);

        Assert.That(rows.Select(r => (r.Date, r.SubuserId, r.Product, r.BandwidthBytes, r.Requests)), Is.EqualTo(new[]
        {
            (new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Residential, 4082297694L, 50982L),
            (new DateOnly(2026, 5, 1), "su_27c4", ReportProduct.Mobile, 475903850L, 9017L),
            (new DateOnly(2026, 5, 2), "su_4a08", ReportProduct.Isp, 8892276666L, 102755L),
        }));
        Assert.That(rows[0].Columns[0], Is.EqualTo("requests"), "Columns keeps the file's order");
    }

    [TestCaseSource(nameof(Formats))]
    public async Task A_column_the_row_type_does_not_know_is_kept_as_text(ReportFormat format)
    {
        var artifact = TestArtifact.Traffic.With(new TestColumn("region", Kind.Text), "eu-west").With(new TestColumn("cost_cents", Kind.Int64), "1234");

        var row = (await ReadAllAsync<TrafficRow>(artifact.Bytes(format), format))[0];

        Assert.That(row.AdditionalColumns, Is.EqualTo(new Dictionary<string, string> { ["region"] = "eu-west", ["cost_cents"] = "1234" }));
        Assert.That(row["region"], Is.EqualTo("eu-west"));
        Assert.That(row.Columns, Has.Count.EqualTo(7));
        Assert.That(row.BandwidthBytes, Is.EqualTo(4082297694L));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task A_missing_column_throws_only_when_its_property_is_read(ReportFormat format)
    {
        var row = (await ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Without("requests").Bytes(format), format))[1];

        Assert.That(row.BandwidthBytes, Is.EqualTo(475903850L), "the other columns read");
        var error = Assert.Throws<InvalidOperationException>(() => _ = row.Requests);
        Assert.That(error!.Message, Does.Contain("'requests'").And.Contain("TrafficRow.Requests").And.Contain("row 2").And.Contain("no column"));
        Assert.That(row.TryGetValue("requests", out _), Is.False);
    }

    [TestCaseSource(nameof(Formats))]
    public async Task The_wrong_row_type_fails_at_the_header(ReportFormat format)
    {
        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<IspBatchRow>(TestArtifact.Traffic.Bytes(format), format));

        Assert.That(error!.RowNumber, Is.Zero);
        Assert.That(error.Message, Does.Contain("none of the columns IspBatchRow reads").And.Contain("its columns are date, subuser_id, product, bandwidth_bytes, requests"));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Any_report_type_reads_as_plain_rows_of_text(ReportFormat format)
    {
        var rows = await ReadAllAsync<ReportRow>(TestArtifact.Invoices.Bytes(format), format);

        var row = rows.Single();
        Assert.That(row.GetType(), Is.EqualTo(typeof(ReportRow)));
        Assert.That(row["product"], Is.EqualTo("residential"));
        Assert.That(row["issued_on"], Is.EqualTo("2026-05-28"));
        Assert.That(row["unit_price_usd"], Is.EqualTo("3.4500"));
        Assert.That(row["description"], Is.EqualTo("Residential proxy bandwidth, 2026-05-01 to 2026-05-28"));
        Assert.That(row.AdditionalColumns, Has.Count.EqualTo(11), "a plain row knows no column: all of them are additional");
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Timestamps_read_as_plain_text_are_spelled_as_in_the_csv(ReportFormat format)
    {
        var row = (await ReadAllAsync<ReportRow>(TestArtifact.Requests.Bytes(format), format)).Single();

        Assert.That(row["timestamp"], Is.EqualTo("2026-05-01T03:05:46Z"));
        Assert.That(row["status_code"], Is.EqualTo("200"));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Gzip_is_taken_off_whatever_the_format(ReportFormat format)
    {
        var rows = await ReadAllAsync<TrafficRow>(TestArtifact.Gzip(TestArtifact.Traffic.Bytes(format)), format);

        Assert.That(rows.Select(r => r.BandwidthBytes), Is.EqualTo(new[] { 4082297694L, 475903850L, 8892276666L }));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Gzip_twice_over_is_taken_off_twice(ReportFormat format)
    {
        var rows = await ReadAllAsync<TrafficRow>(TestArtifact.Gzip(TestArtifact.Gzip(TestArtifact.Traffic.Bytes(format))), format, seekable: true);

        Assert.That(rows, Has.Count.EqualTo(3));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Gzip_cut_short_is_an_error_not_fewer_rows(ReportFormat format)
    {
        var gzip = TestArtifact.Gzip(TestArtifact.Traffic.Bytes(format));

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<ReportRow>(gzip[..^6], format));

        Assert.That(error!.Message, Does.Contain("cut short"));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task The_typed_indexer_spells_known_columns_as_the_csv_does(ReportFormat format)
    {
        var row = (await ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Bytes(format), format))[0];

        Assert.That(row.Columns.Select(c => row[c]), Is.EqualTo(TestArtifact.Traffic.Rows[0]));
        Assert.That(row.ToString(), Is.EqualTo("TrafficRow 1: date=2026-05-01, subuser_id=su_27c4, product=residential, bandwidth_bytes=4082297694, requests=50982"));
    }

    [Test]
    public async Task An_absent_column_in_the_indexer_names_the_columns_there_are()
    {
        var row = (await ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Csv(), ReportFormat.Csv))[0];

        var error = Assert.Throws<KeyNotFoundException>(() => _ = row["Bandwidth"]);

        Assert.That(error!.Message, Does.Contain("'Bandwidth'").And.Contain("date, subuser_id, product, bandwidth_bytes, requests"));
        Assert.That(row.TryGetValue("Bandwidth", out var value), Is.False);
        Assert.That(value, Is.Null);
        Assert.That(row.AdditionalColumns, Is.SameAs((await ReadAllAsync<TrafficRow>(TestArtifact.Traffic.Csv(), ReportFormat.Csv))[1].AdditionalColumns), "one shared empty bag");
    }

    [TestCase("csv")]
    [TestCase("tsv")]
    [TestCase("json")]
    [TestCase("parquet")]
    public async Task An_empty_artifact_has_no_rows_whatever_the_format(string format)
    {
        var rows = await ReadAllAsync<TrafficRow>([], new ReportFormat(format));

        Assert.That(rows, Is.Empty);
    }

    [TestCaseSource(nameof(Formats))]
    public async Task A_header_without_rows_has_no_rows(ReportFormat format)
    {
        var empty = new TestArtifact(TestArtifact.Traffic.Columns, []);

        var rows = await ReadAllAsync<TrafficRow>(empty.Bytes(format), format);

        Assert.That(rows, Is.Empty);
    }

    [TestCase("csv")]
    [TestCase("tsv")]
    [TestCase("json")]
    public async Task Html_in_place_of_the_artifact_is_named_as_such(string format)
    {
        var page = "\n  <!DOCTYPE html><html><body>Sign in</body></html>"u8.ToArray();

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<ReportRow>(page, new ReportFormat(format)));

        Assert.That(error!.Message, Does.Contain("HTML or XML page"));
        Assert.That(error.RowNumber, Is.Zero);
    }

    [TestCase("csv", "abc")]
    [TestCase("tsv", "12.5")]
    [TestCase("json", "\"abc\"")]
    [TestCase("json", "12.5")]
    public async Task An_unparsable_value_names_the_row_the_column_and_the_value(string format, string value)
    {
        var bytes = TestArtifact.Traffic.WithCell(1, "bandwidth_bytes", value).Bytes(new ReportFormat(format));

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<TrafficRow>(bytes, new ReportFormat(format)));

        var shown = value.Trim('"');
        Assert.That(error!.RowNumber, Is.EqualTo(2));
        Assert.That(error.Column, Is.EqualTo("bandwidth_bytes"));
        Assert.That(error.Value, Is.EqualTo(shown));
        Assert.That(error.Message, Is.EqualTo($"Row 2, column 'bandwidth_bytes': \"{shown}\" is not an integer."));
    }

    [TestCase("date", "2026-02-30", "a date (yyyy-MM-dd)")]
    [TestCase("date", "01/05/2026", "a date (yyyy-MM-dd)")]
    [TestCase("requests", "", "an integer")]
    [TestCase("requests", "99999999999999999999", "an integer")]
    public async Task Values_outside_their_type_are_errors_never_defaults(string column, string value, string expected)
    {
        var bytes = TestArtifact.Traffic.WithCell(0, column, value).Csv();

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv));

        Assert.That(error!.Message, Does.EndWith($"is not {expected}."));
        Assert.That((error.RowNumber, error.Column), Is.EqualTo((1L, column)));
    }

    [TestCase("2026-05-01T05:05:46+02:00")]
    [TestCase("2026-05-01T03:05:46.000Z")]
    [TestCase("2026-05-01T03:05:46z")]
    public async Task Any_rfc3339_offset_reads_as_the_same_utc_instant(string timestamp)
    {
        var bytes = TestArtifact.Requests.WithCell(0, "timestamp", timestamp).Csv();

        var row = (await ReadAllAsync<RequestRow>(bytes, ReportFormat.Csv)).Single();

        Assert.That(row.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 5, 1, 3, 5, 46, TimeSpan.Zero)));
        Assert.That(row.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task A_timestamp_without_an_offset_is_refused_not_guessed()
    {
        var bytes = TestArtifact.Requests.WithCell(0, "timestamp", "2026-05-01T03:05:46").Csv();

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<RequestRow>(bytes, ReportFormat.Csv));

        Assert.That(error!.Message, Does.Contain("RFC 3339 timestamp with an offset"));
    }

    [Test]
    public async Task A_huge_unreadable_value_is_cut_in_the_exception()
    {
        var bytes = TestArtifact.Traffic.WithCell(0, "requests", new string('9', 5000) + "x").Csv();

        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAllAsync<TrafficRow>(bytes, ReportFormat.Csv, seekable: true));

        Assert.That(error!.Value, Has.Length.EqualTo(1024));
        Assert.That(error.Message, Does.Contain("(5001 characters)"));
    }
}
