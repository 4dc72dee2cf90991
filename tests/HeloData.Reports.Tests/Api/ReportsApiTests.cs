using System.Net;
using HeloData.Reports.Api;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock;

namespace HeloData.Reports.Tests.Api;

/// <summary>
/// Each of the seven endpoints of <see cref="IReportsApi"/> against a loopback WireMock server:
/// method, exact raw path, bearer key, content type and body, as the contract fixes them.
/// </summary>
public sealed class ReportsApiTests
{
    private const string ReportId = "rep_01HX2K3PQ4M5";
    private const string RunId = "run_01HX2K3PQ4M5";
    private const string JsonContentType = "application/json; charset=utf-8";

    private ApiTestServer _server = null!;
    private IReportsApi _api = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new ApiTestServer();
        _api = _server.CreateApi();
    }

    [TearDown]
    public void TearDown() => _server.Dispose();

    [Test]
    public async Task ListReports_without_paging_is_a_bare_GET()
    {
        _server.Respond(200, $$"""{"reports":[{{ContractDocuments.ContractReport}}],"recent_runs":[{{ContractDocuments.ContractRun}}],"next_cursor":"cur_2"}""");

        var response = await _api.ListReportsAsync(null, null, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "GET", "/v1/reports");
        Assert.That(request.Body, Is.Null.Or.Empty);
        Assert.That(response.Content!.Reports.Single().Id, Is.EqualTo(ReportId));
        Assert.That(response.Content.RecentRuns.Single().RunId, Is.EqualTo(RunId));
        Assert.That(response.Content.NextCursor, Is.EqualTo("cur_2"));
    }

    [Test]
    public async Task ListReports_sends_limit_and_cursor_as_query()
    {
        _server.Respond(200, """{"reports":[],"recent_runs":[],"next_cursor":null}""");

        var response = await _api.ListReportsAsync(25, "cur_a/b", CancellationToken.None);

        AssertRequest(_server.SingleRequest(), "GET", "/v1/reports?limit=25&cursor=cur_a%2Fb");
        Assert.That(response.Content!.NextCursor, Is.Null);
    }

    [Test]
    public async Task CreateReport_posts_the_published_example_body()
    {
        _server.Respond(201, ContractDocuments.ContractReport);
        var report = new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
        {
            Filters = new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] },
            Schedule = "0 9 * * MON",
            Destination = new EmailDestination("ops@acme.com"),
        };

        var response = await _api.CreateReportAsync(report, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "POST", "/v1/reports", JsonContentType);
        Json.AssertEqual(request.Body, ContractDocuments.SeedCreateBody);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Content!.Id, Is.EqualTo(ReportId));
    }

    [Test]
    public async Task GetReport_is_a_GET_of_the_report_path()
    {
        _server.Respond(200, ContractDocuments.ContractReport);

        var response = await _api.GetReportAsync(ReportId, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "GET", $"/v1/reports/{ReportId}");
        Assert.That(request.Body, Is.Null.Or.Empty);
        Assert.That(response.Content!.Name, Is.EqualTo("weekly-traffic"));
    }

    [Test]
    public async Task UpdateReport_that_only_clears_the_schedule_sends_exactly_schedule_null()
    {
        _server.Respond(200, ContractDocuments.ContractReport.Replace("\"0 9 * * MON\"", "null", StringComparison.Ordinal));

        var response = await _api.UpdateReportAsync(ReportId, new ReportUpdate { Schedule = null }, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "PATCH", $"/v1/reports/{ReportId}", JsonContentType);
        Assert.That(request.Body, Is.EqualTo("""{"schedule":null}"""));
        Assert.That(response.Content!.Schedule, Is.Null);
    }

    [Test]
    public async Task DeleteReport_is_a_DELETE_answered_204()
    {
        _server.Respond(204);

        var response = await _api.DeleteReportAsync(ReportId, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "DELETE", $"/v1/reports/{ReportId}");
        Assert.That(request.Body, Is.Null.Or.Empty);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.IsSuccessful, Is.True);
    }

    [Test]
    public async Task RunReport_posts_the_published_window()
    {
        _server.Respond(202, ContractDocuments.SeedRunAccepted);
        var window = new RunWindow { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };

        var response = await _api.RunReportAsync(ReportId, window, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "POST", $"/v1/reports/{ReportId}/run", JsonContentType);
        Json.AssertEqual(request.Body, ContractDocuments.SeedRunWindowBody);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(response.Content!.RunId, Is.EqualTo(RunId));
        Assert.That(response.Content.Status, Is.EqualTo(RunStatus.Queued));
    }

    [Test]
    public async Task RunReport_with_an_empty_window_sends_an_empty_object_for_the_default_window()
    {
        _server.Respond(202, ContractDocuments.SeedRunAccepted);

        await _api.RunReportAsync(ReportId, new RunWindow(), CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "POST", $"/v1/reports/{ReportId}/run", JsonContentType);
        Assert.That(request.Body, Is.EqualTo("{}"));
    }

    [Test]
    public async Task RunReport_with_an_open_ended_window_sends_only_the_end_given()
    {
        _server.Respond(202, ContractDocuments.SeedRunAccepted);

        await _api.RunReportAsync(ReportId, new RunWindow { From = new DateOnly(2026, 5, 1) }, CancellationToken.None);

        Assert.That(_server.SingleRequest().Body, Is.EqualTo("""{"from":"2026-05-01"}"""));
    }

    [Test]
    public async Task GetRun_is_a_GET_of_the_run_path_and_parses_the_run()
    {
        _server.Respond(200, ContractDocuments.ContractRun);

        var response = await _api.GetRunAsync(RunId, CancellationToken.None);

        var request = _server.SingleRequest();
        AssertRequest(request, "GET", $"/v1/reports/runs/{RunId}");
        var run = response.Content!;
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
        _server.Respond(200, ContractDocuments.ContractRun);

        await _api.GetRunAsync(id, CancellationToken.None);
        await _api.GetReportAsync(id, CancellationToken.None);
        await _api.RunReportAsync(id, new RunWindow(), CancellationToken.None);

        Assert.That(_server.LastSentUri!.AbsoluteUri, Is.EqualTo($"{_server.BaseAddress}reports/{Uri.EscapeDataString(id)}/run"));
        var urls = _server.ReceivedUrls();
        Assert.That(urls, Has.Count.EqualTo(3));
        AssertSingleSegment(urls[0], "/v1/reports/runs/", "", id);
        AssertSingleSegment(urls[1], "/v1/reports/", "", id);
        AssertSingleSegment(urls[2], "/v1/reports/", "/run", id);
    }

    [Test]
    public async Task The_key_is_sent_as_a_bearer_token_on_every_endpoint()
    {
        _server.Respond(200, ContractDocuments.ContractReport);
        var api = _server.CreateApi("another-key");

        await api.GetReportAsync(ReportId, CancellationToken.None);

        Assert.That(_server.SingleRequest().Headers!["Authorization"].Single(), Is.EqualTo("Bearer another-key"));
    }

    private static void AssertSingleSegment(string receivedUrl, string before, string after, string id)
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
        Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo($"Bearer {ApiTestServer.ApiKey}"));
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
