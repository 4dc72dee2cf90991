using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.Logging;
using WireMock.ResponseBuilders;

namespace HeloData.Reports.Tests.Http;

/// <summary>One Debug line per request, and the API key nowhere in logs or exception text.</summary>
public sealed class LoggingAndSecretsTests
{
    [Test]
    public async Task Each_attempt_is_one_debug_line_with_method_path_status_elapsed_and_attempt()
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(ClientHarness.Status(503), ClientHarness.Json(200, ContractDocuments.ContractRun));

        await harness.Client.GetRunAsync("run_01HX2K3PQ4M5");

        var lines = harness.Logs.Entries.Where(e => e.Category == "HeloData.Reports.Http" && e.Level == LogLevel.Debug).ToList();
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[0].Message, Does.Match(@"^HTTP GET http://localhost:\d+/v1/reports/runs/run_01HX2K3PQ4M5 answered 503 in \d+\.\d ms \(attempt 1\)$"));
        Assert.That(lines[1].Message, Does.Contain("answered 200").And.EndWith("(attempt 2)"));
    }

    [Test]
    public async Task Each_retry_is_one_warning_line_naming_the_outcome_and_the_delay_without_the_query()
    {
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 2);
        harness.RespondInSequence(
            ClientHarness.Status(503),
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"),
            ClientHarness.Json(200, """{"reports":[],"next_cursor":null}"""));

        await harness.Client.ListReportsAsync(pageSize: 5, cursor: "cur_secretish");

        var retries = harness.Logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.That(retries.Select(e => e.Category), Is.All.EqualTo("HeloData.Reports.Http"));
        Assert.That(retries.Select(e => e.EventId.Name), Is.All.EqualTo("HttpRetrying"));
        Assert.That(retries, Has.Count.EqualTo(2));
        Assert.That(retries[0].Message, Does.Match(@"^HTTP GET http://localhost:\d+/v1/reports\?\[redacted\] attempt 1 answered 503; retrying in \d+ ms$"));
        Assert.That(retries[1].Message, Does.EndWith("attempt 2 answered 429; retrying in 0 ms"));
        Assert.That(harness.Logs.AllText, Does.Not.Contain("cur_secretish").And.Not.Contain(ClientHarness.ApiKey));
    }

    [Test]
    public async Task At_trace_level_the_api_key_appears_in_no_log_line_and_no_exception_text()
    {
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 1);
        harness.RespondInSequence(
            ClientHarness.Status(503),
            ClientHarness.Error(401, "unauthorized", "bad key"),
            Response.Create().WithStatusCode(502).WithBody("<html>proxy</html>"),
            ClientHarness.Json(200, "{not json"));
        var texts = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            var error = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));
            texts.Add(error.ToString());
        }

        using var refused = new ClientHarness(o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/v1/");
            o.MaxRetryAttempts = 0;
        });
        var transport = await Fails.With(() => refused.Client.RunReportAsync("rep_1"));
        texts.Add(transport.ToString());

        Assert.That(harness.Logs.Entries.Count(e => e.Level == LogLevel.Trace || e.Level == LogLevel.Debug), Is.GreaterThan(0), "trace logging was on");
        Assert.That(harness.Logs.AllText, Does.Not.Contain(ClientHarness.ApiKey));
        Assert.That(refused.Logs.AllText, Does.Contain("HttpRequestException").And.Not.Contain(ClientHarness.ApiKey));
        Assert.That(string.Join("\n", texts), Does.Not.Contain(ClientHarness.ApiKey));
        Assert.That(texts, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_signed_url_is_logged_without_its_query()
    {
        var redacted = HeloData.Reports.RequestLoggingHandler.ForLog(new Uri("https://downloads.helodata.com/runs/run_1.csv?expires=1&sig=abcdef"));

        Assert.That(redacted, Is.EqualTo("https://downloads.helodata.com/runs/run_1.csv?[redacted]"));
    }

    [Test]
    public void A_reports_exception_message_is_built_from_the_response_only()
    {
        var error = new ReportsException("Get report failed: 401 unauthorized: bad key", HeloData.Reports.Models.ReportsErrorCode.Unauthorized, 401);

        Assert.That(error.IsTransient, Is.False);
        Assert.That(error.ToString(), Does.Contain("401 unauthorized"));
    }
}
