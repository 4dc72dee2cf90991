using HeloData.Reports.Models;
using HeloData.Reports.Testing.Artifacts;
using HeloData.Reports.Testing.Tests.Artifacts;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// The whole flow through the public client against the sandbox, for every report type in every
/// format: create, run, wait, download, and parse the artifact back.
/// </summary>
public sealed class FullFlowTests
{
    private static ReportsSandbox _sandbox = null!;
    private static ReportsClient _client = null!;

    private static readonly string[] Types = ["traffic", "requests", "invoices", "subusers", "isp_batches"];
    private static readonly string[] Formats = ["csv", "tsv", "json", "parquet"];

    [OneTimeSetUp]
    public static void Start()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _client = _sandbox.CreateClient();
    }

    [OneTimeTearDown]
    public static void Stop()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    private static IEnumerable<TestCaseData> Cases() =>
        from type in Types from format in Formats select new TestCaseData(type, format).SetArgDisplayNames(type, format);

    [TestCaseSource(nameof(Cases))]
    public async Task Every_type_in_every_format_runs_downloads_and_parses_back(string type, string format)
    {
        var report = await _client.CreateReportAsync(new NewReport($"{type}-{format}", new ReportType(type), new ReportFormat(format)));
        var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 7) };

        var run = await _client.RunReportAndWaitAsync(report.Id, window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
        using var artifact = new MemoryStream();
        var download = await _client.DownloadAsync(run, artifact);
        await _client.DeleteReportAsync(report.Id);

        Assert.That(download.Bytes, Is.EqualTo(artifact.Length).And.GreaterThan(0));
        var parsed = await ArtifactReader.ReadAsync(format, artifact.ToArray());
        Assert.That(parsed.Columns, Is.EqualTo(SandboxArtifacts.Columns(type)));
        Assert.That(parsed.Rows, Is.Not.Empty);
        Assert.That(parsed.Rows.All(r => parsed.Columns.All(r.ContainsKey)), Is.True, "every row has every column");
        Assert.That(_sandbox.DownloadHostSawCredentials, Is.False);
    }
}
