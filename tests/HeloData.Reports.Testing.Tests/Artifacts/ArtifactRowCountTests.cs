using System.Text;
using HeloData.Reports.Testing.Artifacts;
using static HeloData.Reports.Testing.Tests.Artifacts.ArtifactGeneratorTests;

namespace HeloData.Reports.Testing.Tests.Artifacts;

/// <summary>
/// A row count instead of the window's, in the generator: exact counts for every type in every format,
/// the same rows in all four, the window's rows first, and nothing else changed.
/// </summary>
public sealed class ArtifactRowCountTests
{
    private static readonly string[] Types = ["traffic", "requests", "invoices", "subusers", "isp_batches"];

    private static IEnumerable<TestCaseData> AllTypes() => Types.Select(type => new TestCaseData(type).SetArgDisplayNames(type));

    [TestCaseSource(nameof(AllTypes))]
    public async Task Every_format_has_exactly_the_rows_asked_for_and_all_four_carry_the_same(string type)
    {
        // More than the window's rows of any type, so the window's rows repeat at least once.
        const int Rows = 2_500;
        var csv = await GenerateAndReadAsync(Request(type, "csv") with { RowCount = Rows });

        Assert.That(csv.Columns, Is.EqualTo(SandboxArtifacts.Columns(type)));
        Assert.That(csv.Rows, Has.Count.EqualTo(Rows));
        Assert.That(csv.Rows.SelectMany(row => row.Values), Has.None.Empty, "no value is missing");
        foreach (var format in new[] { "tsv", "json", "parquet" })
        {
            var other = await GenerateAndReadAsync(Request(type, format) with { RowCount = Rows });
            Assert.That(other.Lines(), Is.EqualTo(csv.Lines()), format);
        }
    }

    [TestCaseSource(nameof(AllTypes))]
    public async Task The_window_rows_come_first_then_repeat_with_fresh_numbers_inside_the_window(string type)
    {
        var window = (await GenerateAndReadAsync(Request(type))).Lines().ToArray();

        var large = await GenerateAndReadAsync(Request(type) with { RowCount = window.Length * 3L });
        var lines = large.Lines().ToArray();

        Assert.That(lines.Take(window.Length), Is.EqualTo(window), "the first rows are the window's artifact");
        Assert.That(lines.Skip(window.Length).Take(window.Length), Is.Not.EqualTo(window), "the repetition draws fresh numbers");

        // Every date and timestamp stays in the window (2026-05-01..28), but the sub-users' creation, which lies before it.
        var days = large.Columns.Where(column => column != "created_at")
            .SelectMany(column => large.Column(column))
            .Where(cell => cell.Length >= 10 && DateOnly.TryParseExact(cell[..10], "yyyy-MM-dd", out _))
            .Select(cell => DateOnly.ParseExact(cell[..10], "yyyy-MM-dd"))
            .ToArray();
        Assert.That(days, type == "subusers" ? Is.Empty : Is.Not.Empty);
        Assert.That(days, Has.All.InRange(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 28)));
    }

    [TestCase("csv")]
    [TestCase("tsv")]
    [TestCase("json")]
    [TestCase("parquet")]
    public void A_count_equal_to_the_window_count_gives_the_very_same_bytes(string format)
    {
        var plain = ArtifactGenerator.Generate(Request("traffic", format));
        var rows = ArtifactGenerator.Rows(Request("traffic", format)).Rows.Count();

        var counted = ArtifactGenerator.Generate(Request("traffic", format) with { RowCount = rows });

        Assert.That(counted, Is.EqualTo(plain));
    }

    [Test]
    public async Task Zero_rows_leave_the_header_only()
    {
        var csv = Encoding.UTF8.GetString(ArtifactGenerator.Generate(Request("traffic", "csv") with { RowCount = 0 }));
        var json = ArtifactGenerator.Generate(Request("traffic", "json") with { RowCount = 0 });
        var parquet = await ArtifactReader.ReadAsync("parquet", ArtifactGenerator.Generate(Request("traffic", "parquet") with { RowCount = 0 }));

        Assert.That(csv, Is.EqualTo("date,subuser_id,product,bandwidth_bytes,requests\r\n"));
        Assert.That(json, Is.Empty);
        Assert.That(parquet.Columns, Is.EqualTo(SandboxArtifacts.Columns("traffic")));
        Assert.That(parquet.Rows, Is.Empty);
    }

    [Test]
    public void Rows_are_generated_as_they_are_read_and_each_reading_gives_the_same()
    {
        var counter = new RowCounter();
        var table = ArtifactGenerator.Rows(Request("requests") with { RowCount = long.MaxValue }, counter);

        var first = table.Rows.Take(1_000).Select(row => string.Join('|', row)).ToArray();
        var again = table.Rows.Take(1_000).Select(row => string.Join('|', row)).ToArray();

        Assert.That(counter.Count, Is.EqualTo(2_000), "nothing is generated ahead of the reader");
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void A_negative_count_is_refused()
    {
        Assert.That(() => ArtifactGenerator.Generate(Request("traffic") with { RowCount = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
