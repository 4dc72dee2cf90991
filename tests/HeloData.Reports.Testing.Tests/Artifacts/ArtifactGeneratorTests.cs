using HeloData.Reports.Testing.Artifacts;

namespace HeloData.Reports.Testing.Tests.Artifacts;

/// <summary>
/// Every report type in every format: generated, parsed back with an ordinary reader, and checked
/// for its columns, its rows, and that the four formats carry the same data.
/// </summary>
public sealed class ArtifactGeneratorTests
{
    private static readonly string[] Types = ["traffic", "requests", "invoices", "subusers", "isp_batches"];
    private static readonly string[] Formats = ["csv", "tsv", "json", "parquet"];

    private static IEnumerable<TestCaseData> TypesAndFormats() =>
        from type in Types
        from format in Formats
        select new TestCaseData(type, format).SetArgDisplayNames(type, format);

    private static IEnumerable<TestCaseData> AllTypes() => Types.Select(type => new TestCaseData(type).SetArgDisplayNames(type));

    internal static ArtifactRequest Request(
        string type,
        string format = "csv",
        string runId = "run_01HX2K3PQ4M5",
        int seed = 42,
        string[]? products = null,
        DateOnly? from = null,
        DateOnly? to = null) =>
        new(runId, type, format, from ?? new DateOnly(2026, 5, 1), to ?? new DateOnly(2026, 5, 28), products ?? [], seed);

    internal static Task<ParsedArtifact> GenerateAndReadAsync(ArtifactRequest request) =>
        ArtifactReader.ReadAsync(request.Format, ArtifactGenerator.Generate(request));

    [TestCaseSource(nameof(TypesAndFormats))]
    public async Task Artifact_parses_back_with_the_documented_columns_and_complete_rows(string type, string format)
    {
        var artifact = await GenerateAndReadAsync(Request(type, format));

        Assert.That(artifact.Columns, Is.EqualTo(SandboxArtifacts.Columns(type)));
        Assert.That(artifact.Rows, Is.Not.Empty);
        Assert.That(artifact.Rows, Has.Count.LessThan(1_000), "a 28-day window stays small");
        Assert.That(artifact.Rows, Has.All.Property("Count").EqualTo(artifact.Columns.Count));
        Assert.That(artifact.Rows.SelectMany(row => row.Values), Has.None.Empty, "no value is missing");
    }

    [TestCaseSource(nameof(AllTypes))]
    public async Task The_four_formats_of_one_request_carry_the_same_rows(string type)
    {
        var csv = await GenerateAndReadAsync(Request(type, "csv"));

        foreach (var format in Formats.Skip(1))
        {
            var other = await GenerateAndReadAsync(Request(type, format));
            Assert.That(other.Lines(), Is.EqualTo(csv.Lines()), format);
        }
    }

    [TestCaseSource(nameof(TypesAndFormats))]
    public void Same_request_gives_byte_identical_artifacts(string type, string format)
    {
        var first = ArtifactGenerator.Generate(Request(type, format));
        var second = ArtifactGenerator.Generate(Request(type, format));

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCaseSource(nameof(AllTypes))]
    public async Task Another_seed_or_run_gives_different_data(string type)
    {
        var baseline = (await GenerateAndReadAsync(Request(type))).Lines().ToArray();
        var otherRun = (await GenerateAndReadAsync(Request(type, runId: "run_01HX2K3PQ4M6"))).Lines().ToArray();
        var otherSeed = (await GenerateAndReadAsync(Request(type, seed: 43))).Lines().ToArray();

        Assert.That(otherRun, Is.Not.EqualTo(baseline));
        Assert.That(otherSeed, Is.Not.EqualTo(baseline));
    }

    [TestCaseSource(nameof(AllTypes))]
    public void Order_and_duplicates_in_the_product_filter_do_not_change_the_artifact(string type)
    {
        var one = ArtifactGenerator.Generate(Request(type, products: ["mobile", "residential"]));
        var other = ArtifactGenerator.Generate(Request(type, products: ["residential", "mobile", "mobile"]));

        Assert.That(other, Is.EqualTo(one));
    }

    [TestCaseSource(nameof(AllTypes))]
    public async Task A_single_day_window_has_rows(string type)
    {
        var day = new DateOnly(2026, 5, 17);

        var artifact = await GenerateAndReadAsync(Request(type, from: day, to: day));

        Assert.That(artifact.Rows, Is.Not.Empty);
    }

    [Test]
    public void The_csv_of_a_fixed_request_never_changes()
    {
        // A golden value: it fails if the output starts depending on the process (a randomized hash,
        // Environment.NewLine, the current culture) or on the runtime. If the generator is changed on
        // purpose, update it.
        var csv = ArtifactGenerator.Generate(Request("traffic", from: new DateOnly(2026, 5, 1), to: new DateOnly(2026, 5, 2)));

        Assert.That(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(csv)), Is.EqualTo(GoldenTrafficCsvSha256));
    }

    private const string GoldenTrafficCsvSha256 = "39AD65DB78469977B6DC9139CA808360EFD307BFD14B6AA262100FD729584295";

    [Test]
    public void Invalid_requests_are_rejected()
    {
        Assert.That(() => ArtifactGenerator.Generate(Request("geo_heatmap")), Throws.ArgumentException);
        Assert.That(() => ArtifactGenerator.Generate(Request("traffic", format: "avro")), Throws.ArgumentException);
        Assert.That(() => ArtifactGenerator.Generate(Request("traffic", format: "ndjson")), Throws.ArgumentException);
        Assert.That(() => ArtifactGenerator.Generate(Request("traffic", products: ["satellite"])), Throws.ArgumentException);
        Assert.That(() => ArtifactGenerator.Generate(Request("traffic", from: new DateOnly(2026, 5, 2), to: new DateOnly(2026, 5, 1))), Throws.ArgumentException);
        Assert.That(() => ArtifactGenerator.Generate(Request("traffic", from: new DateOnly(2018, 1, 1), to: new DateOnly(2026, 1, 1))), Throws.ArgumentException, "longer than any scheduled window (2921 days)");
    }
}
