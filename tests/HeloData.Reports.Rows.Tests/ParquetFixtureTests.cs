using HeloData.Reports.Models;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// Parquet files another writer made (DuckDB: PARQUET_VERSION v1 and v2 encodings, DELTA_BINARY_PACKED
/// dates, timestamps and decimals among them, snappy, zstd and gzip, several row groups, and columns no row type knows: struct, map, list, JSON, BLOB, INTERVAL,
/// TIME) are read in full, every documented value equal to the csv DuckDB wrote of the same rows.
/// </summary>
public sealed class ParquetFixtureTests
{
    private static IEnumerable<string> Fixtures => ParquetFixtures.Names;

    [Test]
    public void The_fixtures_are_there() => Assert.That(Fixtures.Count(), Is.GreaterThanOrEqualTo(10));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Every_fixture_reads_as_its_typed_rows_with_the_values_duckdb_wrote(string name)
    {
        var expected = ParquetFixtures.Expected(name);
        var header = expected[0];
        var bytes = ParquetFixtures.Parquet(name);

        foreach (var seekable in new[] { true, false })
        {
            var rows = await ReadTypedAsync(name, bytes, seekable);

            Assert.That(rows, Has.Count.EqualTo(expected.Count - 1), $"{name}, seekable: {seekable}");
            for (var r = 0; r < rows.Count; r++)
            {
                Assert.That(rows[r].RowNumber, Is.EqualTo(r + 1));
                for (var c = 0; c < header.Length; c++)
                {
                    Assert.That(rows[r][header[c]], Is.EqualTo(expected[r + 1][c]), $"{name}, row {r + 1}, column {header[c]}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task Every_fixture_reads_as_plain_rows_too(string name)
    {
        var rows = await ReportRowsTests.ReadAllAsync<ReportRow>(ParquetFixtures.Parquet(name), ReportFormat.Parquet);

        Assert.That(rows, Has.Count.EqualTo(ParquetFixtures.Expected(name).Count - 1));
    }

    [TestCase("traffic-v1-snappy")]
    [TestCase("traffic-v2-zstd")]
    [TestCase("requests-v2-snappy")]
    [TestCase("invoices-v1-zstd")]
    [TestCase("traffic-v2-snappy-dates")]
    public async Task Flat_unknown_columns_are_kept_as_text_and_nested_ones_are_left_out(string name)
    {
        var rows = await ReadTypedAsync(name, ParquetFixtures.Parquet(name), seekable: false);

        // Row 2 is DuckDB's i = 1 (generate.mjs): JSON as its text, BLOB 00 FF '1' in base64, 1 day 2 hours as ISO 8601, TIME 03:05:01.5.
        Assert.That(rows[1].AdditionalColumns, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["extra_json"] = """{"n": 1}""",
            ["extra_blob"] = "AP8x",
            ["extra_interval"] = "P1DT7200S",
            ["extra_time"] = "03:05:01.5",
            ["extra_text"] = "note 1",
        }));
        Assert.That(rows[0].AdditionalColumns.ContainsKey("extra_text"), Is.False, "a null is no value");
        Assert.That(rows[0].Columns, Does.Not.Contain("extra_struct").And.Not.Contain("extra_map").And.Not.Contain("extra_list"));
    }

    private static async Task<List<ReportRow>> ReadTypedAsync(string name, byte[] bytes, bool seekable) =>
        ParquetFixtures.Report(name) switch
        {
            "traffic" => [.. await ReportRowsTests.ReadAllAsync<TrafficRow>(bytes, ReportFormat.Parquet, seekable)],
            "requests" => [.. await ReportRowsTests.ReadAllAsync<RequestRow>(bytes, ReportFormat.Parquet, seekable)],
            "invoices" => [.. await ReportRowsTests.ReadAllAsync<InvoiceRow>(bytes, ReportFormat.Parquet, seekable)],
            var other => throw new AssertionException($"no row type for fixture report '{other}'"),
        };
}
