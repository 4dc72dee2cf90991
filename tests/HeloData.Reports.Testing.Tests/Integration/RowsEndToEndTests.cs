using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.Tests.Artifacts;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// Typed rows through the public client against the sandbox, for every report type in every format
/// and every way the artifact may arrive compressed: each row, each column, checked against the csv of
/// the same run read by an ordinary csv reader (the four formats of a run carry the same rows).
/// </summary>
public sealed class RowsEndToEndTests
{
    private static readonly ReportsSandboxOptions Options = new() { RunTimeline = RunTimeline.Instant };
    private static readonly RunWindow Window = new() { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) };
    private static ReportsSandbox _sandbox = null!;
    private static ReportsClient _client = null!;

    [OneTimeSetUp]
    public static void Start()
    {
        _sandbox = ReportsSandbox.Start(Options);
        _client = _sandbox.CreateClient();
    }

    [OneTimeTearDown]
    public static void Stop()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    // Every test sets the knob it needs; this keeps a failed one from leaking its setting into the next.
    [SetUp]
    public void Plain() => _sandbox.ArtifactCompression = ArtifactCompression.None;

    private static IEnumerable<TestCaseData> Cases() =>
        from type in SandboxArtifacts.ReportTypes
        from format in SandboxArtifacts.Formats
        from compression in new[] { ArtifactCompression.None, ArtifactCompression.ContentEncoding, ArtifactCompression.GzipBody }
        select new TestCaseData(type, format, compression).SetArgDisplayNames(type, format, compression.ToString());

    [TestCaseSource(nameof(Cases))]
    public async Task Typed_and_plain_rows_match_the_csv_of_the_same_run_in_every_column(string type, string format, ArtifactCompression compression)
    {
        var oracle = TypedRowOracle.ByReportType[type];
        var run = await RunAsync(type, format);
        var csv = await CsvOfAsync(run, type, format);
        _sandbox.ArtifactCompression = compression;

        var typed = await ToListAsync(oracle.ReadAsync(_client, run));
        var plain = await ToListAsync(_client.ReadRowsAsync(run));

        Assert.That(csv.Rows, Is.Not.Empty, "a window with rows");
        Assert.That(oracle.Columns, Is.EqualTo(csv.Columns), $"{oracle.RowType} checks every column of the artifact");
        Assert.That(typed, Has.Count.EqualTo(csv.Rows.Count), "typed rows");
        Assert.That(plain, Has.Count.EqualTo(csv.Rows.Count), "plain rows");
        var mismatches = new List<string>();
        for (var i = 0; i < csv.Rows.Count; i++)
        {
            var expected = csv.Rows[i];
            mismatches.AddRange(oracle.Mismatches(typed[i], expected));
            mismatches.AddRange(TextMismatches($"{oracle.RowType} {i + 1}", typed[i], i + 1, expected, csv.Columns));
            mismatches.AddRange(TextMismatches($"ReportRow {i + 1}", plain[i], i + 1, expected, csv.Columns));
            if (typed[i].AdditionalColumns.Count != 0)
            {
                mismatches.Add($"{oracle.RowType} {i + 1} keeps documented columns as additional: {string.Join(", ", typed[i].AdditionalColumns.Keys)}");
            }

            if (!plain[i].AdditionalColumns.OrderBy(pair => pair.Key, StringComparer.Ordinal).SequenceEqual(expected.OrderBy(pair => pair.Key, StringComparer.Ordinal)))
            {
                mismatches.Add($"ReportRow {i + 1}'s additional columns are not all of its columns");
            }
        }

        Assert.That(mismatches, Is.Empty, string.Join(Environment.NewLine, mismatches.Take(20)));
    }

    private static IEnumerable<string> TextMismatches(string what, ReportRow row, long number, IReadOnlyDictionary<string, string> expected, IReadOnlyList<string> columns)
    {
        if (row.RowNumber != number)
        {
            yield return $"{what}: row number {row.RowNumber}";
        }

        if (!row.Columns.SequenceEqual(columns))
        {
            yield return $"{what}: columns {string.Join(", ", row.Columns)}";
        }

        foreach (var column in columns)
        {
            if (!row.TryGetValue(column, out var text) || text != expected[column] || row[column] != text)
            {
                yield return $"{what}, {column}: text {text ?? "(none)"}, csv {expected[column]}";
            }
        }
    }

    private static async Task<ReportRun> RunAsync(string type, string format)
    {
        var report = await _client.CreateReportAsync(new NewReport($"rows-{type}-{format}", new ReportType(type), new ReportFormat(format)));
        var run = await _client.RunReportAndWaitAsync(report.Id, Window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        await _client.DeleteReportAsync(report.Id);
        return run;
    }

    /// <summary>
    /// The csv of the run, read with Sep. The generator makes it from the run as the download host does;
    /// that it is the run's own data is shown by the artifact the client downloads, which must be the
    /// generator's bytes for the run's format.
    /// </summary>
    private static async Task<ParsedArtifact> CsvOfAsync(ReportRun run, string type, string format)
    {
        var request = new ArtifactRequest(run.RunId, type, format, Window.From!.Value, Window.To!.Value, [], Options.Seed);
        using var served = new MemoryStream();
        await _client.DownloadAsync(run, served);
        Assert.That(served.ToArray(), Is.EqualTo(ArtifactGenerator.Generate(request)), "the served artifact is the one the oracle is made from");
        return await ArtifactReader.ReadAsync("csv", ArtifactGenerator.Generate(request with { Format = "csv" }));
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
