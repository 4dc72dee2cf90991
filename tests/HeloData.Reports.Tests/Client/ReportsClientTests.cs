using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Client;

/// <summary>The public client's operations end to end against a loopback server.</summary>
public sealed class ReportsClientTests
{
    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new ClientHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task Create_get_update_delete_run_and_get_run_each_reach_their_endpoint()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractReport));
        var client = _harness.Client;

        await client.CreateReportAsync(new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv));
        await client.GetReportAsync("rep_1");
        await client.UpdateReportAsync("rep_1", new ReportUpdate { Schedule = null });
        await client.DeleteReportAsync("rep_1");

        var requests = _harness.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.That(requests, Is.EqualTo(new[]
        {
            "POST /v1/reports", "GET /v1/reports/rep_1", "PATCH /v1/reports/rep_1", "DELETE /v1/reports/rep_1",
        }));
        Assert.That(_harness.Requests.Select(r => r.Headers!["Authorization"].Single()).Distinct(), Is.EqualTo(new[] { $"Bearer {ClientHarness.ApiKey}" }));
    }

    [Test]
    public async Task Run_without_a_window_lets_the_service_choose_and_returns_the_accepted_run()
    {
        _harness.Respond(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted));

        var accepted = await _harness.Client.RunReportAsync("rep_01HX2K3PQ4M5");

        Assert.That(accepted.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(_harness.Requests.Single().Body, Is.EqualTo("{}"));
        Assert.That(_harness.Requests.Single().Path, Is.EqualTo("/v1/reports/rep_01HX2K3PQ4M5/run"));
    }

    [Test]
    public async Task GetRun_returns_the_run()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun));

        var run = await _harness.Client.GetRunAsync("run_01HX2K3PQ4M5");

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(run.DownloadUrl, Is.Not.Null);
    }

    [Test]
    public async Task ListAllReports_follows_next_cursor_until_it_is_null()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, Page(["rep_a", "rep_b"], "cur_2")),
            ClientHarness.Json(200, Page(["rep_c"], "cur_3")),
            ClientHarness.Json(200, Page([], null)));

        var ids = new List<string>();
        await foreach (var report in _harness.Client.ListAllReportsAsync(pageSize: 2))
        {
            ids.Add(report.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "rep_a", "rep_b", "rep_c" }));
        Assert.That(
            _harness.Requests.Select(r => r.Url[r.Url.IndexOf("/v1/", StringComparison.Ordinal)..]),
            Is.EqualTo(new[] { "/v1/reports?limit=2", "/v1/reports?limit=2&cursor=cur_2", "/v1/reports?limit=2&cursor=cur_3" }));
    }

    [Test]
    public async Task ListAllReports_fetches_lazily_one_page_at_a_time()
    {
        _harness.RespondInSequence(ClientHarness.Json(200, Page(["rep_a"], "cur_2")), ClientHarness.Json(200, Page(["rep_b"], null)));

        await foreach (var report in _harness.Client.ListAllReportsAsync())
        {
            Assert.That(report.Id, Is.EqualTo("rep_a"));
            break;
        }

        Assert.That(_harness.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task ListAllReports_refuses_a_cursor_that_does_not_move()
    {
        _harness.Respond(ClientHarness.Json(200, Page(["rep_a"], "cur_same")));

        var error = await Fails.With(async () =>
        {
            await foreach (var _ in _harness.Client.ListAllReportsAsync())
            {
            }
        });

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(_harness.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task ListReports_returns_one_page_with_its_cursor()
    {
        _harness.Respond(ClientHarness.Json(200, Page(["rep_a"], "cur_2")));

        var page = await _harness.Client.ListReportsAsync(pageSize: 1, cursor: "cur_1");

        Assert.That(page.Reports.Single().Id, Is.EqualTo("rep_a"));
        Assert.That(page.NextCursor, Is.EqualTo("cur_2"));
        Assert.That(_harness.Requests.Single().RawQuery, Is.EqualTo("?limit=1&cursor=cur_1").Or.EqualTo("limit=1&cursor=cur_1"));
    }

    [Test]
    public async Task A_standalone_client_built_from_an_api_key_works_without_DI()
    {
        _harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun));
        using var client = new ReportsClient(new ReportsClientOptions { ApiKey = "standalone-key", BaseAddress = _harness.BaseAddress });

        var run = await client.GetRunAsync("run_1");

        Assert.That(run.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(_harness.Requests.Single().Headers!["Authorization"].Single(), Is.EqualTo("Bearer standalone-key"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_standalone_client_without_a_key_is_refused(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new ReportsClient(key));

        Assert.That(error!.ParamName, Is.EqualTo("apiKey"));
        Assert.That(error.Message, Does.StartWith(key.Length == 0 ? "apiKey is required" : "apiKey is only white space"));
    }

    [TestCase("hd_live_SECRET_7f3a9c1e5b\n", "white space")]
    [TestCase("hd_live_SECRET_7f3a9c1e5b\r\n", "white space")]
    [TestCase("hd_live SECRET_7f3a9c1e5b", "white space")]
    [TestCase("hd_live_SECRET_7f3a9c1e5b\u0000", "a control character")]
    [TestCase("hd_live_SECRET_7f3a9c1e5b\u200b", "a non-ASCII character")]
    public void A_standalone_client_with_a_key_that_cannot_travel_in_a_header_is_refused_without_showing_it(string key, string kind)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new ReportsClient(key));

        Assert.That(error!.ParamName, Is.EqualTo("apiKey"));
        Assert.That(error.Message, Does.StartWith("apiKey contains " + kind));
        Assert.That(error.ToString(), Does.Not.Contain("SECRET"));
    }

    [Test]
    public void A_standalone_client_with_a_plain_http_remote_address_is_refused()
    {
        var options = new ReportsClientOptions { ApiKey = "key", BaseAddress = new Uri("http://api.helodata.com/v1/") };

        var error = Assert.Throws<ArgumentException>(() => _ = new ReportsClient(options));

        Assert.That(error!.ParamName, Is.EqualTo("options"));
        Assert.That(error.Message, Does.Contain("BaseAddress").And.Contain("https"));
    }

    private static string Page(string[] ids, string? next) =>
        $$"""{"reports":[{{string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","name":"n","type":"traffic","format":"csv"}"""))}}],"recent_runs":[],"next_cursor":{{(next is null ? "null" : $"\"{next}\"")}}}""";
}
