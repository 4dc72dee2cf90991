using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using WireMock.ResponseBuilders;

namespace HeloData.Reports.Tests.Errors;

/// <summary>
/// A failed create or run says whether the service may already have acted, and is never "transient"
/// when it may have: a caller that retries on <see cref="ReportsException.IsTransient"/> cannot start a
/// second run. Reads, updates and deletes are always safe to repeat.
/// </summary>
public sealed class OutcomeUnknownTests
{
    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new ClientHarness(o =>
    {
        o.MaxRetryAttempts = 0;
        o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
    });

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static IEnumerable<TestCaseData> Answers()
    {
        yield return Case("500", ClientHarness.Error(500, "internal_error"), unknown: true, transient: false);
        yield return Case("502 html", ClientHarness.Status(502).WithBody("<html>bad gateway</html>"), unknown: true, transient: false);
        yield return Case("plain 503", ClientHarness.Status(503), unknown: true, transient: false);
        yield return Case("408", ClientHarness.Status(408), unknown: true, transient: false);
        yield return Case("attempt timeout", ClientHarness.Json(202, ContractDocuments.SeedRunAccepted).WithDelay(TimeSpan.FromSeconds(3)), unknown: true, transient: false);
        yield return Case("202 without run_id", ClientHarness.Json(202, """{"status":"queued"}"""), unknown: true, transient: false);
        yield return Case("202 html", ClientHarness.Status(202).WithBody("<html/>"), unknown: true, transient: false);
        yield return Case("503 with Retry-After", ClientHarness.Status(503).WithHeader("Retry-After", "1"), unknown: false, transient: true);
        yield return Case("429", ClientHarness.Error(429, "rate_limited").WithHeader("Retry-After", "1"), unknown: false, transient: true);
        yield return Case("422", ClientHarness.Error(422, "validation_failed"), unknown: false, transient: false);
        yield return Case("404", ClientHarness.Error(404, "not_found"), unknown: false, transient: false);
        yield return Case("403 html", ClientHarness.Status(403).WithBody("<html>blocked</html>"), unknown: false, transient: false);

        static TestCaseData Case(string name, IResponseBuilder answer, bool unknown, bool transient) =>
            new TestCaseData(answer, unknown, transient).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Answers))]
    public async Task A_run_says_whether_the_service_may_have_acted(IResponseBuilder answer, bool unknown, bool transient)
    {
        _harness.Respond(answer);

        var error = await Fails.With(() => _harness.Client.RunReportAsync("rep_1"));

        Assert.That((error.OutcomeUnknown, error.IsTransient), Is.EqualTo((unknown, transient)), error.Message);

        // WireMock logs a request once answered, which for the delayed answer is after the client gave up.
        await Eventually.That(() => _harness.RequestCount >= 1);
        Assert.That(_harness.RequestCount, Is.EqualTo(1), "a run is not retried when the service may have acted");
    }

    [Test]
    public async Task A_create_whose_answer_was_lost_may_have_created_the_report()
    {
        _harness.Respond(ClientHarness.Error(500, "internal_error"));

        var error = await Fails.With(() => _harness.Client.CreateReportAsync(new NewReport("r", ReportType.Traffic, ReportFormat.Csv)));

        Assert.That((error.OutcomeUnknown, error.IsTransient), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task A_connection_that_was_never_made_proves_nothing_was_done()
    {
        using var client = new ReportsClient(new ReportsClientOptions { ApiKey = "hd_test_key", BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/v1/"), MaxRetryAttempts = 0 });

        var error = await Fails.With(() => client.RunReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.ConnectionFailed));
        Assert.That((error.OutcomeUnknown, error.IsTransient), Is.EqualTo((false, true)));
    }

    [TestCase(500)]
    [TestCase(503)]
    public async Task Reads_updates_and_deletes_are_safe_to_repeat_whatever_the_failure(int status)
    {
        _harness.Respond(ClientHarness.Status(status));

        var read = await Fails.With(() => _harness.Client.GetRunAsync("run_1"));
        var update = await Fails.With(() => _harness.Client.UpdateReportAsync("rep_1", new ReportUpdate { Schedule = null }));
        var delete = await Fails.With(() => _harness.Client.DeleteReportAsync("rep_1"));

        Assert.That(new[] { read, update, delete }.Select(e => (e.OutcomeUnknown, e.IsTransient)), Is.All.EqualTo((false, true)));
    }
}
