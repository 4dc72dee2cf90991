using System.Text;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HeloData.Reports.Rows.Tests;

/// <summary>
/// <see cref="ReportsClientRowsExtensions.ReadRowsAsync{TRow}(IReportsClient, ReportRun, CancellationToken)"/>
/// against a WireMock download host: the SDK's own download path, and the format told from the content
/// and the run's URL (<see cref="ArtifactFormat"/>), whatever the Content-Type says.
/// </summary>
public sealed class RunRowsTests
{
    private ClientHarness _api = null!;
    private WireMockServer _downloads = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new ClientHarness(o => o.MaxRetryAttempts = 0);
        _downloads = WireMockServer.Start();
    }

    [TearDown]
    public void TearDown()
    {
        _api.Dispose();
        _downloads.Stop();
        _downloads.Dispose();
    }

    [TestCase("application/octet-stream", "csv")]
    [TestCase("text/csv", "tsv")]
    [TestCase("text/plain", "json")]
    [TestCase("application/x-ndjson", "parquet")]
    public async Task The_format_comes_from_the_content_not_the_content_type(string contentType, string format)
    {
        var run = CompletedRun(Serve("/artifacts/run_1", TestArtifact.Traffic.Bytes(new ReportFormat(format)), contentType));

        var rows = await ReadAsync<TrafficRow>(run);

        Assert.That(rows.Select(r => r.BandwidthBytes), Is.EqualTo(new[] { 4082297694L, 475903850L, 8892276666L }));
        var request = _downloads.LogEntries.Single().RequestMessage;
        Assert.That(request.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase, "the download host never sees the API key");
        Assert.That(string.Join(" ", request.Headers.Values.SelectMany(v => v)), Does.Not.Contain(ClientHarness.ApiKey));
    }

    [TestCase("/runs/run_1.tsv", "\t")]
    [TestCase("/runs/run_1.csv.gz", ",")]
    public async Task A_header_of_one_column_takes_the_format_from_the_extension(string path, string separator)
    {
        var bytes = Encoding.UTF8.GetBytes($"subuser_id\nsu_1{separator}x\n");
        var run = CompletedRun(Serve(path, path.EndsWith(".gz", StringComparison.Ordinal) ? TestArtifact.Gzip(bytes) : bytes, "application/octet-stream"));

        // Read as the extension says, the separator in the data row makes a second cell: a row wider than its header.
        var error = await Assert.ThrowsAsync<ReportRowFormatException>(() => ReadAsync<ReportRow>(run));

        Assert.That(error!.RowNumber, Is.EqualTo(1));
    }

    [TestCase("parquet")]
    [TestCase("json")]
    [TestCase("csv")]
    [TestCase("tsv")]
    public async Task Without_content_type_or_extension_the_first_bytes_tell(string format)
    {
        var run = CompletedRun(Serve("/blob/7f3a", TestArtifact.Traffic.Bytes(new ReportFormat(format)), "application/octet-stream"));

        var rows = await ReadAsync<ReportRow>(run);

        Assert.That(rows.Select(r => r["subuser_id"]), Is.EqualTo(new[] { "su_27c4", "su_27c4", "su_4a08" }));
    }

    [Test]
    public async Task Parquet_bytes_win_over_a_wrong_content_type()
    {
        var run = CompletedRun(Serve("/runs/run_1.csv", TestArtifact.Traffic.Parquet(), "text/csv"));

        var rows = await ReadAsync<TrafficRow>(run);

        Assert.That(rows, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task An_artifact_of_unknown_format_is_a_typed_error_naming_the_run()
    {
        var run = CompletedRun(Serve("/blob/7f3a", "subuser_id\nsu_1\n"u8.ToArray(), "text/csv"));

        var error = await Assert.ThrowsAsync<ReportsException>(() => ReadAsync<TrafficRow>(run));

        Assert.That(error!.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.Message, Does.Contain("Run run_1's artifact").And.Contain("csv, tsv, json (NDJSON) or parquet"));
        Assert.That(error.RunId, Is.EqualTo("run_1"));
    }

    [Test]
    public async Task A_gzip_body_labelled_text_csv_is_read()
    {
        var run = CompletedRun(Serve("/runs/run_1.csv", TestArtifact.Gzip(TestArtifact.Traffic.Csv()), "text/csv"));

        var rows = await ReadAsync<TrafficRow>(run);

        Assert.That(rows, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_body_sent_with_Content_Encoding_gzip_is_read()
    {
        using var host = new RawArtifactServer(TestArtifact.Gzip(TestArtifact.Subusers.Ndjson()), headers: "Content-Type: application/x-ndjson\r\nContent-Encoding: gzip");

        var rows = await ReadAsync<SubuserRow>(CompletedRun(host.Url));

        Assert.That(rows.Select(r => r.SubuserId), Is.EqualTo(new[] { "su_27c4", "su_4a08" }));
        Assert.That(host.ReceivedHead, Does.Not.Contain("Authorization").IgnoreCase.And.Not.Contain(ClientHarness.ApiKey));
    }

    [Test]
    public async Task An_expired_url_is_refreshed_once_then_the_rows_are_read()
    {
        _downloads.Given(Request.Create().WithPath("/runs/old.csv")).RespondWith(Response.Create().WithStatusCode(403));
        var fresh = Serve("/runs/new.csv", TestArtifact.Traffic.Csv(), "text/csv");
        _api.Respond(ClientHarness.Json(200, RunJson.Completed(fresh)));

        var rows = await ReadAsync<TrafficRow>(CompletedRun(new Uri($"{_downloads.Url}/runs/old.csv?sig=old")));

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(_api.Requests.Single().Path, Is.EqualTo("/v1/reports/runs/run_1"));
    }

    [Test]
    public async Task A_body_cut_short_is_a_download_error_not_fewer_rows()
    {
        var csv = TestArtifact.Traffic.Csv();
        using var host = new RawArtifactServer(csv, cutAfter: csv.Length - 10);

        var error = await Assert.ThrowsAsync<ReportsException>(() => ReadAsync<TrafficRow>(CompletedRun(host.Url)));

        Assert.That(error!.ErrorCode, Is.EqualTo(ReportsErrorCode.DownloadIncomplete));
    }

    [Test]
    public void A_null_run_is_refused_at_the_call_before_anything_is_sent()
    {
        Assert.Throws<ArgumentNullException>(() => _api.Client.ReadRowsAsync<TrafficRow>(null!));
        Assert.Throws<ArgumentNullException>(() => _api.Client.ReadRowsAsync(null!));
        Assert.That(_api.RequestCount + _downloads.LogEntries.Count(), Is.Zero);
    }

    [Test]
    public async Task A_run_not_completed_is_refused_as_for_a_download()
    {
        var running = ReportsModelFactory.ReportRun(runId: "run_1", status: RunStatus.Running);

        var error = await Assert.ThrowsAsync<ReportsException>(() => ReadAsync<ReportRow>(running));

        Assert.That(error!.ErrorCode, Is.EqualTo(ReportsErrorCode.RunNotCompleted));
        Assert.That(_downloads.LogEntries, Is.Empty);
    }

    private async Task<List<TRow>> ReadAsync<TRow>(ReportRun run)
        where TRow : ReportRow
    {
        var rows = new List<TRow>();
        await foreach (var row in _api.Client.ReadRowsAsync<TRow>(run))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Uri Serve(string path, byte[] body, string contentType)
    {
        _downloads.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));
        return new Uri($"{_downloads.Url}{path}?sig=abc");
    }

    private static ReportRun CompletedRun(Uri url) =>
        ReportsModelFactory.ReportRun(runId: "run_1", reportId: "rep_1", status: RunStatus.Completed, downloadUrl: url);
}
