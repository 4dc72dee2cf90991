using System.Globalization;
using System.Text;
using HeloData.Reports.Testing.Artifacts;
using Parquet;
using static HeloData.Reports.Testing.Tests.Artifacts.ArtifactGeneratorTests;

namespace HeloData.Reports.Testing.Tests.Artifacts;

/// <summary>The byte-level decisions of each format, and the public description of them.</summary>
public sealed class ArtifactFormatTests
{
    [Test]
    public void Csv_is_utf8_without_bom_with_crlf_lines_and_rfc4180_quoting()
    {
        var bytes = ArtifactGenerator.Generate(Request("invoices", "csv"));
        var text = Encoding.UTF8.GetString(bytes);

        Assert.That(bytes.AsSpan().StartsWith("\uFEFF"u8), Is.False, "no byte order mark");
        Assert.That(text, Does.StartWith("invoice_id,line_id,issued_on,period_start,period_end,product,description,quantity,unit,unit_price_usd,amount_usd\r\n"));
        Assert.That(text, Does.EndWith("\r\n"));
        Assert.That(text.Split("\r\n"), Has.None.Contains('\n'), "every line ends with CRLF");
        Assert.That(text, Does.Contain(",\"Residential proxy bandwidth, 2026-05-01 to 2026-05-28\","), "a field with a comma is quoted");
    }

    [Test]
    public void Tsv_has_a_header_lf_lines_and_no_quoting()
    {
        var text = Encoding.UTF8.GetString(ArtifactGenerator.Generate(Request("invoices", "tsv")));

        Assert.That(text, Does.StartWith("invoice_id\tline_id\tissued_on\t"));
        Assert.That(text, Does.EndWith("\n"));
        Assert.That(text, Does.Not.Contain("\r").And.Not.Contain("\""));
        Assert.That(text, Does.Contain("\tResidential proxy bandwidth, 2026-05-01 to 2026-05-28\t"));
    }

    [Test]
    public void Ndjson_writes_numbers_as_numbers_and_text_unescaped()
    {
        var bytes = ArtifactGenerator.Generate(Request("invoices", "json"));
        var text = Encoding.UTF8.GetString(bytes);
        var first = text[..text.IndexOf('\n', StringComparison.Ordinal)];

        Assert.That(bytes.AsSpan().StartsWith("\uFEFF"u8), Is.False, "no byte order mark");
        Assert.That(text, Does.Not.Contain("\r").And.Not.Contain("\\u"));
        Assert.That(first, Does.StartWith("{\"invoice_id\":\"inv_"));
        Assert.That(first, Does.Match("\"issued_on\":\"2026-05-28\""));
        Assert.That(first, Does.Match("\"quantity\":[0-9]+\\.[0-9]{3},\"unit\":\"GB\",\"unit_price_usd\":[0-9]+\\.[0-9]{4},\"amount_usd\":[0-9]+\\.[0-9]{2}}$"));
    }

    [Test]
    public void Ndjson_timestamps_and_integers_keep_their_csv_spelling()
    {
        var text = Encoding.UTF8.GetString(ArtifactGenerator.Generate(Request("requests", "json")));

        Assert.That(text.Split('\n')[0], Does.Match("^\\{\"timestamp\":\"2026-05-01T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\",.*\"status_code\":[0-9]{3},\"bytes\":[0-9]+,\"latency_ms\":[0-9]+\\}$"));
    }

    [TestCase("traffic", "date", "INT32", "DATE")]
    [TestCase("traffic", "subuser_id", "BYTE_ARRAY", "STRING")]
    [TestCase("traffic", "bandwidth_bytes", "INT64", "INT(64)")]
    [TestCase("requests", "timestamp", "INT64", "TIMESTAMP(MILLIS, UTC)")]
    [TestCase("requests", "status_code", "INT32", "INT(32)")]
    [TestCase("invoices", "quantity", "INT64", "DECIMAL(18, 3)")]
    [TestCase("invoices", "unit_price_usd", "INT64", "DECIMAL(18, 4)")]
    [TestCase("invoices", "amount_usd", "INT64", "DECIMAL(18, 2)")]
    [TestCase("subusers", "created_at", "INT64", "TIMESTAMP(MILLIS, UTC)")]
    [TestCase("isp_batches", "asn", "INT64", "INT(64)")]
    public async Task Parquet_columns_are_required_and_typed(string type, string column, string physical, string logical)
    {
        var reader = await ParquetReader.CreateAsync(new MemoryStream(ArtifactGenerator.Generate(Request(type, "parquet"))));
        await using var _ = reader;

        var element = reader.Metadata!.Schema.Single(e => e.Name == column);
        var l = element.LogicalType;
        var actual = l switch
        {
            { DATE: not null } => "DATE",
            { STRING: not null } => "STRING",
            { INTEGER: { } i } => $"INT({i.BitWidth})",
            { DECIMAL: { } d } => $"DECIMAL({d.Precision}, {d.Scale})",
            { TIMESTAMP: { } t } => $"TIMESTAMP({(t.Unit.MILLIS is null ? "?" : "MILLIS")}, {(t.IsAdjustedToUTC ? "UTC" : "local")})",
            _ => "none",
        };

        Assert.That(element.Type?.ToString(), Is.EqualTo(physical));
        Assert.That(actual, Is.EqualTo(logical));
        Assert.That(element.RepetitionType?.ToString(), Is.EqualTo("REQUIRED"));
    }

    [Test]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var expected = SandboxArtifacts.ReportTypes.Select(type => ArtifactGenerator.Generate(Request(type, "csv"))).ToArray();
        var original = CultureInfo.CurrentCulture;
        try
        {
            // Comma decimals, and a culture whose minus sign is not '-'.
            foreach (var culture in new[] { "de-DE", "sv-SE", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                var actual = SandboxArtifacts.ReportTypes.Select(type => ArtifactGenerator.Generate(Request(type, "csv"))).ToArray();
                Assert.That(actual, Is.EqualTo(expected), culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [TestCase("csv", "text/csv; charset=utf-8")]
    [TestCase("tsv", "text/tab-separated-values; charset=utf-8")]
    [TestCase("json", "application/x-ndjson")]
    [TestCase("parquet", "application/vnd.apache.parquet")]
    public void Formats_map_to_a_content_type(string format, string contentType)
    {
        Assert.That(SandboxArtifacts.ContentType(format), Is.EqualTo(contentType));
    }

    [Test]
    public void The_published_columns_are_pinned()
    {
        Assert.That(SandboxArtifacts.ReportTypes, Is.EqualTo(new[] { "traffic", "requests", "invoices", "subusers", "isp_batches" }));
        Assert.That(SandboxArtifacts.Formats, Is.EqualTo(new[] { "csv", "tsv", "json", "parquet" }));
        Assert.That(SandboxArtifacts.Products, Is.EqualTo(new[] { "residential", "mobile", "datacenter", "isp" }));
        Assert.That(SandboxArtifacts.Columns("traffic"), Is.EqualTo(new[] { "date", "subuser_id", "product", "bandwidth_bytes", "requests" }));
        Assert.That(SandboxArtifacts.Columns("requests"), Is.EqualTo(new[] { "timestamp", "subuser_id", "product", "target_host", "country", "status_code", "bytes", "latency_ms" }));
        Assert.That(SandboxArtifacts.Columns("invoices"), Is.EqualTo(new[] { "invoice_id", "line_id", "issued_on", "period_start", "period_end", "product", "description", "quantity", "unit", "unit_price_usd", "amount_usd" }));
        Assert.That(SandboxArtifacts.Columns("subusers"), Is.EqualTo(new[] { "subuser_id", "name", "status", "created_at", "bandwidth_limit_bytes", "bandwidth_used_bytes", "products" }));
        Assert.That(SandboxArtifacts.Columns("isp_batches"), Is.EqualTo(new[] { "batch_id", "ip", "country", "asn", "status", "health_score", "last_checked_at" }));
    }

    [Test]
    public void Unknown_or_missing_wire_values_are_rejected()
    {
        Assert.That(() => SandboxArtifacts.Columns("geo_heatmap"), Throws.ArgumentException);
        Assert.That(() => SandboxArtifacts.Columns("Traffic"), Throws.ArgumentException, "wire values are matched exactly");
        Assert.That(() => SandboxArtifacts.ContentType("xlsx"), Throws.ArgumentException);
        Assert.That(() => SandboxArtifacts.Columns(null!), Throws.ArgumentNullException);
        Assert.That(() => SandboxArtifacts.ContentType(null!), Throws.ArgumentNullException);
    }
}
