using HeloData.Reports.Models;
using HeloData.Reports.Rows;
using HeloData.Reports.Testing.Artifacts;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// Typed rows that cannot be read whole, through the client against the sandbox: a cut download is a
/// download error, never a shorter list of rows; a row type of another report fails at the header.
/// </summary>
public sealed class RowsEndToEndFailureTests
{
    private static readonly RunWindow Window = new() { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { RunTimeline = RunTimeline.Instant });
        _client = _sandbox.CreateClient(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    private static IEnumerable<TestCaseData> Formats() => SandboxArtifacts.Formats.Select(format => new TestCaseData(format).SetArgDisplayNames(format));

    // Window-sized artifacts are sent with their Content-Length; streamed ones (a row count) chunked.
    [TestCase("csv", ArtifactCompression.None, null)]
    [TestCase("csv", ArtifactCompression.ContentEncoding, null)]
    [TestCase("tsv", ArtifactCompression.GzipBody, null)]
    [TestCase("json", ArtifactCompression.None, null)]
    [TestCase("parquet", ArtifactCompression.None, null)]
    [TestCase("csv", ArtifactCompression.None, 50_000L)]
    [TestCase("json", ArtifactCompression.GzipBody, 50_000L)]
    [TestCase("parquet", ArtifactCompression.None, 150_000L)]
    public async Task A_cut_download_is_a_download_error_after_a_prefix_of_the_rows(string format, ArtifactCompression compression, long? rowCount)
    {
        _sandbox.ArtifactRowCount = rowCount;
        var run = await RunAsync(ReportType.Traffic, format);
        var whole = (await RowsEndToEndTests.ToListAsync(_client.ReadRowsAsync<TrafficRow>(run))).Count;
        _sandbox.ArtifactCompression = compression;
        _sandbox.Faults.TruncateDownloads(1);

        var numbers = new List<long>();
        var error = await Fails.With(async () =>
        {
            await foreach (var row in _client.ReadRowsAsync<TrafficRow>(run))
            {
                numbers.Add(row.RowNumber);
            }
        });

        // A chunked body left without its final chunk may surface as a reset connection rather than a short one.
        var expected = rowCount is null
            ? Is.EqualTo(ReportsErrorCode.DownloadIncomplete)
            : Is.EqualTo(ReportsErrorCode.DownloadIncomplete).Or.EqualTo(ReportsErrorCode.ConnectionFailed);
        Assert.That(error.ErrorCode, expected, error.ToString());
        Assert.That(error.RunId, Is.EqualTo(run.RunId), "the failure names its run");

        // Only NDJSON hands out rows before a cut this early (the csv and tsv reader's first buffer is larger
        // than what the sandbox sends, parquet needs the file's end), so for the others the prefix is empty.
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, numbers.Count).Select(n => (long)n)), "the rows before the cut, each once, in order");
        Assert.That(numbers, Has.Count.LessThan(whole), "the rows after the cut never came");
        Assert.That(_sandbox.Requests.Count(r => r.Status == 0), Is.EqualTo(1), "one cut download, not retried behind the caller's back");
    }

    [TestCaseSource(nameof(Formats))]
    public async Task A_row_type_sharing_no_column_with_the_report_fails_at_the_header_before_any_row(string format)
    {
        var run = await RunAsync(ReportType.Traffic, format);

        var rows = 0;
        var error = await Assert.ThrowsAsync<ReportRowFormatException>(async () =>
        {
            await foreach (var row in _client.ReadRowsAsync<IspBatchRow>(run))
            {
                rows++;
            }
        });

        Assert.That(rows, Is.Zero);
        Assert.That(error!.RowNumber, Is.Zero, "the header");
        Assert.That(error.Message, Does.Contain("IspBatchRow").And.Contain("date, subuser_id, product, bandwidth_bytes, requests"));
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Invoice_rows_over_a_traffic_artifact_share_only_product_so_they_come_and_fail_at_the_first_invoice_property(string format)
    {
        var run = await RunAsync(ReportType.Traffic, format);

        var rows = await RowsEndToEndTests.ToListAsync(_client.ReadRowsAsync<InvoiceRow>(run));

        // Documented behaviour (ReportRows remarks): only an artifact with none of the row type's columns
        // fails at the header. traffic's `product` is also an invoice column, so this mix-up passes it.
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows[0].Product, Is.EqualTo(ReportProduct.Residential).Or.EqualTo(ReportProduct.Mobile).Or.EqualTo(ReportProduct.Datacenter).Or.EqualTo(ReportProduct.Isp));
        Assert.That(rows[0].AdditionalColumns.Keys, Is.EquivalentTo(new[] { "date", "subuser_id", "bandwidth_bytes", "requests" }));
        Assert.That(() => rows[0].InvoiceId, Throws.InvalidOperationException.With.Message.Contains("invoice_id"));
    }

    private async Task<ReportRun> RunAsync(ReportType type, string format)
    {
        var report = await _client.CreateReportAsync(new NewReport($"rows-{type}-{format}", type, new ReportFormat(format)));
        return await _client.RunReportAndWaitAsync(report.Id, Window, new WaitForCompletionOptions { InitialDelay = TimeSpan.Zero });
    }
}
