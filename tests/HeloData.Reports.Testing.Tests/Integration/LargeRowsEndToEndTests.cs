using System.Globalization;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using HeloData.Reports.Testing.Artifacts;
using nietras.SeparatedValues;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// Typed rows of a 300,000-row artifact, generated while downloaded and sent chunked: every row
/// arrives once, numbered in order across gzip and parquet row groups, and equal to the csv of the run.
/// </summary>
public sealed class LargeRowsEndToEndTests
{
    private const int Rows = 300_000;
    private static readonly RunWindow Window = new() { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant, ArtifactRowCount = Rows });
        _client = _sandbox.CreateClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    [TestCase("csv", ArtifactCompression.GzipBody)]
    [TestCase("parquet", ArtifactCompression.None)]
    public async Task Every_row_of_a_large_traffic_artifact_is_read_once_in_order_and_equals_the_csv(string format, ArtifactCompression compression)
    {
        var report = await _client.CreateReportAsync(new NewReport("large", ReportType.Traffic, new ReportFormat(format)));
        var run = await _client.RunReportAndWaitAsync(report.Id, Window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        _sandbox.ArtifactCompression = compression;
        var request = new ArtifactRequest(run.RunId, "traffic", "csv", Window.From!.Value, Window.To!.Value, [], new ReportsSandboxOptions().Seed, Rows);
        using var csv = Sep.New(',').Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture }).From(ArtifactGenerator.Generate(request));
        using var expected = csv.GetEnumerator();
        var oracle = TypedRowOracle.ByReportType["traffic"];

        // Compared as they arrive, none kept: the read is checked as the streaming read it is.
        long count = 0;
        var mismatches = new List<string>();
        await foreach (var row in _client.ReadRowsAsync<TrafficRow>(run))
        {
            count++;
            if (row.RowNumber != count)
            {
                mismatches.Add($"row {count} is numbered {row.RowNumber}");
            }

            if (!expected.MoveNext())
            {
                mismatches.Add($"row {count} is one more than the csv has");
                break;
            }

            var cells = oracle.Columns.ToDictionary(column => column, column => expected.Current[column].ToString());
            if (mismatches.Count < 20)
            {
                mismatches.AddRange(oracle.Mismatches(row, cells));
            }
        }

        Assert.That(count, Is.EqualTo(Rows));
        Assert.That(expected.MoveNext(), Is.False, "the csv has no row left over");
        Assert.That(mismatches, Is.Empty, string.Join(Environment.NewLine, mismatches.Take(20)));
        Assert.That(_sandbox.StreamedArtifactRows, Is.EqualTo(Rows), "the artifact was generated while sent, once");
    }
}
