using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock;

namespace HeloData.Reports.Tests.Api;

/// <summary>
/// Each of the seven endpoints, called through the public client against a loopback WireMock server:
/// method, exact raw path, bearer key, content type and body, as the contract fixes them.
/// </summary>
public sealed class WireContractTests
{
    private const string ReportId = "rep_01HX2K3PQ4M5";
    private const string RunId = "run_01HX2K3PQ4M5";
    private const string JsonContentType = "application/json; charset=utf-8";

    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new ClientHarness(o => o.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task ListReports_without_paging_is_a_bare_GET()
    {
        _harness.Respond(ClientHarness.Json(200, $$"""{"reports":[{{ContractDocuments.ContractReport}}],"recent_runs":[{{ContractDocuments.ContractRun}}],"next_cursor":"cur_2"}"""));

        var page = await _harness.Client.ListReportsAsync();

        var request = _harness.SingleRequest();
        AssertRequest(request, "GET", "/v1/reports");
        Assert.That(request.Body, Is.Null.Or.Empty);
        Assert.That(page.Reports.Single().Id, Is.EqualTo(ReportId));
        Assert.That(page.RecentRuns.Single().RunId, Is.EqualTo(RunId));
        Assert.That(page.NextCursor, Is.EqualTo("cur_2"));
    }

    [Test]
    public async Task ListReports_sends_the_page_size_as_limit_and_the_cursor_as_query()
    {
        _harness.Respond(ClientHarness.Json(200, """{"reports":[],"recent_runs":[],"next_cursor":null}"""));

        var page = await _harness.Client.ListReportsAsync(pageSize: 25, cursor: "cur_a/b");

        AssertRequest(_harness.SingleRequest(), "GET", "/v1/reports?limit=25&cursor=cur_a%2Fb");
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task CreateReport_posts_the_published_example_body()
    {
        _harness.Respond(ClientHarness.Json(201, ContractDocuments.ContractReport));
        var report = new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
        {
            Filters = new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] },
            Schedule = "0 9 * * MON",
            Destination = new EmailDestination("ops@acme.com"),
        };

        var created = await _harness.Client.CreateReportAsync(report);

        var request = _harness.SingleRequest();
        AssertRequest(request, "POST", "/v1/reports", JsonContentType);
        Json.AssertEqual(request.Body, ContractDocuments.SeedCreateBody);
        Assert.That(created.Id, Is.EqualTo(ReportId));
    }

    [Test]
    public async Task GetReport_is_a_GET_of_the_report_path()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractReport));

        var report = await _harness.Client.GetReportAsync(ReportId);

        var request = _harness.SingleRequest();
        AssertRequest(request, "GET", $"/v1/reports/{ReportId}");
        Assert.That(request.Body, Is.Null.Or.Empty);
        Assert.That(report.Name, Is.EqualTo("weekly-traffic"));
    }

    [Test]
    public async Task UpdateReport_that_only_clears_the_schedule_sends_exactly_schedule_null()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractReport.Replace("\"0 9 * * MON\"", "null", StringComparison.Ordinal)));

        var report = await _harness.Client.UpdateReportAsync(ReportId, new ReportUpdate { Schedule = null });

        var request = _harness.SingleRequest();
        AssertRequest(request, "PATCH", $"/v1/reports/{ReportId}", JsonContentType);
        Assert.That(request.Body, Is.EqualTo("""{"schedule":null}"""));
        Assert.That(report.Schedule, Is.Null);
    }

    [Test]
    public async Task DeleteReport_is_a_DELETE_answered_204()
    {
        _harness.Respond(ClientHarness.Status(204));

        await _harness.Client.DeleteReportAsync(ReportId);

        var request = _harness.SingleRequest();
        AssertRequest(request, "DELETE", $"/v1/reports/{ReportId}");
        Assert.That(request.Body, Is.Null.Or.Empty);
    }

    [Test]
    public async Task RunReport_posts_the_published_window()
    {
        _harness.Respond(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted));
        var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };

        var accepted = await _harness.Client.RunReportAsync(ReportId, window);

        var request = _harness.SingleRequest();
        AssertRequest(request, "POST", $"/v1/reports/{ReportId}/run", JsonContentType);
        Json.AssertEqual(request.Body, ContractDocuments.SeedRunWindowBody);
        Assert.That((accepted.RunId, accepted.Status), Is.EqualTo((RunId, RunStatus.Queued)));
    }

    [Test]
    public async Task RunReport_without_a_window_sends_an_empty_object_for_the_default_window()
    {
        _harness.Respond(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted));

        await _harness.Client.RunReportAsync(ReportId);

        var request = _harness.SingleRequest();
        AssertRequest(request, "POST", $"/v1/reports/{ReportId}/run", JsonContentType);
        Assert.That(request.Body, Is.EqualTo("{}"));
    }

    [Test]
    public async Task RunReport_with_an_open_ended_window_sends_only_the_end_given()
    {
        _harness.Respond(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted));

        await _harness.Client.RunReportAsync(ReportId, new RunWindow { From = new DateOnly(2026, 5, 1) });

        Assert.That(_harness.SingleRequest().Body, Is.EqualTo("""{"from":"2026-05-01"}"""));
    }

    [Test]
    public async Task GetRun_is_a_GET_of_the_run_path_and_parses_the_run()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun));

        var run = await _harness.Client.GetRunAsync(RunId);

        AssertRequest(_harness.SingleRequest(), "GET", $"/v1/reports/runs/{RunId}");
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(run.DownloadUrl!.Host, Is.EqualTo("downloads.helodata.com"));
        Assert.That(run.DownloadUrlExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 5, 29, 11, 2, 13, TimeSpan.Zero)));
    }

    [TestCase("a/b")]
    [TestCase("a?b=c")]
    [TestCase("a#b")]
    [TestCase("a b")]
    [TestCase("a%2Fb")]
    [TestCase("../reports")]
    public async Task Ids_with_reserved_characters_stay_inside_one_path_segment(string id)
    {
        // One answer that is a valid report, run and accepted run alike.
        _harness.Respond(ClientHarness.Json(200, """{"id":"rep_1","name":"r","run_id":"run_1","report_id":"rep_1","status":"queued"}"""));

        await _harness.Client.GetRunAsync(id);
        await _harness.Client.GetReportAsync(id);
        await _harness.Client.RunReportAsync(id);

        Assert.That(_harness.SentUris[^1].AbsoluteUri, Is.EqualTo($"{_harness.BaseAddress}reports/{Uri.EscapeDataString(id)}/run"));
        var urls = _harness.Requests.Select(r => r.Url).ToList();
        Assert.That(urls, Has.Count.EqualTo(3));
        AssertSingleSegment(urls[0], "/v1/reports/runs/", "");
        AssertSingleSegment(urls[1], "/v1/reports/", "");
        AssertSingleSegment(urls[2], "/v1/reports/", "/run");
    }

    private static void AssertSingleSegment(string receivedUrl, string before, string after)
    {
        var start = receivedUrl.IndexOf(before, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"'{receivedUrl}' does not contain '{before}'");
        var segment = receivedUrl[(start + before.Length)..^after.Length];
        Assert.That(receivedUrl, Does.EndWith(after));

        // The server decodes all but %2F, so only containment is checked here; the exact
        // escaping is checked on the URI the client sent.
        Assert.That(segment, Is.Not.Empty.And.Not.Contain("/").And.Not.Contain("?").And.Not.Contain("#"), $"the id escaped its segment in {receivedUrl}");
    }

    private static void AssertRequest(IRequestMessage request, string method, string pathAndQuery, string? contentType = null)
    {
        Assert.That(request.Method, Is.EqualTo(method));

        // WireMock decodes Path; Url keeps the escaping the client sent.
        Assert.That(request.Url, Is.EqualTo($"{request.Origin}{pathAndQuery}"));
        Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {ClientHarness.ApiKey}"));
        if (contentType is null)
        {
            Assert.That(request.Headers.ContainsKey("Content-Type"), Is.False, "a request without a body has no Content-Type");
        }
        else
        {
            Assert.That(request.Headers["Content-Type"].Single(), Is.EqualTo(contentType));
        }
    }
}
