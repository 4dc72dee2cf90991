using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Client;

/// <summary>
/// A success body is handed on only when it keeps the contract: its required members are there, and
/// nothing the models promise is JSON <c>null</c>. Otherwise the call fails as <c>invalid_response</c>,
/// naming the member, never with a <see cref="NullReferenceException"/> later in the caller's code.
/// </summary>
public sealed class ResponseContractTests
{
    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new ClientHarness(o => o.MaxRetryAttempts = 0);

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static IEnumerable<TestCaseData> BrokenAnswers()
    {
        yield return Case("report without id", c => c.GetReportAsync("rep_1"), """{"name":"a","type":"traffic","format":"csv"}""", "id is missing, null or empty");
        yield return Case("report with an empty id", c => c.GetReportAsync("rep_1"), """{"id":"","name":"a"}""", "id is missing, null or empty");
        yield return Case("report with a null name", c => c.GetReportAsync("rep_1"), """{"id":"rep_1","name":null}""", "name is null");
        yield return Case("report with a null product", c => c.GetReportAsync("rep_1"), """{"id":"rep_1","name":"a","filters":{"products":["mobile",null]}}""", "filters.products holds a null");
        yield return Case("run without status", c => c.GetRunAsync("run_1"), """{"run_id":"run_1","report_id":"rep_1"}""", "status is missing, null or empty");
        yield return Case("run with a null status", c => c.GetRunAsync("run_1"), """{"run_id":"run_1","status":null}""", "status is missing, null or empty");
        yield return Case("run with a null report_id", c => c.GetRunAsync("run_1"), """{"run_id":"run_1","status":"queued","report_id":null}""", "report_id is null");
        yield return Case("run id with white space", c => c.GetRunAsync("run_1"), """{"run_id":"run_1\n","status":"queued"}""", "run_id has leading or trailing white space");
        yield return Case("failed run with a null message", c => c.GetRunAsync("run_1"), """{"run_id":"run_1","status":"failed","error":{"code":"x","message":null}}""", "error.message is null");
        yield return Case("relative download url", c => c.GetRunAsync("run_1"), """{"run_id":"run_1","status":"completed","download_url":"/runs/run_1.csv"}""", "download_url is not an absolute https or http URL");
        yield return Case("file download url", c => c.GetRunAsync("run_1"), """{"run_id":"run_1","status":"completed","download_url":"file:///etc/passwd"}""", "download_url is not an absolute");
        yield return Case("list with null reports", c => c.ListReportsAsync(), """{"reports":null}""", "reports is null");
        yield return Case("list with a null report", c => c.ListReportsAsync(), """{"reports":[null]}""", "reports[0] is null");
        yield return Case("list with a broken run", c => c.ListReportsAsync(), """{"reports":[],"recent_runs":[{"run_id":"run_1"}]}""", "recent_runs[0].status is missing, null or empty");
        yield return Case("list all with null reports", c => c.ListAllReportsAsync().ToListAsync().AsTask(), """{"reports":null}""", "reports is null");

        static TestCaseData Case(string name, Func<IReportsClient, Task> call, string body, string problem) =>
            new TestCaseData(call, body, problem).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(BrokenAnswers))]
    public async Task A_success_that_breaks_the_contract_is_an_invalid_response_naming_the_member(Func<IReportsClient, Task> call, string body, string problem)
    {
        _harness.Respond(ClientHarness.Json(200, body));

        var error = await Fails.With(() => call(_harness.Client));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.Message, Does.Contain(problem));
        Assert.That(error.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task What_the_models_declare_optional_may_be_absent_or_null()
    {
        _harness.Respond(ClientHarness.Json(200, """{"run_id":"run_1","status":"running","report_id":"rep_1","from":null,"to":null,"error":null,"download_url":null}"""));

        var run = await _harness.Client.GetRunAsync("run_1");

        Assert.That((run.RunId, run.Status, run.From, run.Error, run.DownloadUrl), Is.EqualTo(("run_1", RunStatus.Running, (DateOnly?)null, (RunError?)null, (Uri?)null)));
    }

    [Test]
    public async Task A_cursor_cycle_over_several_pages_ends_as_an_invalid_response_not_a_loop()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, """{"reports":[],"next_cursor":"A"}"""),
            ClientHarness.Json(200, """{"reports":[],"next_cursor":"B"}"""),
            ClientHarness.Json(200, """{"reports":[],"next_cursor":"A"}"""));

        var error = await Fails.With(() => _harness.Client.ListAllReportsAsync().ToListAsync().AsTask());

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.Message, Does.Contain("next_cursor \"A\" a second time"));
        Assert.That(_harness.RequestCount, Is.EqualTo(3));
    }

    [Test]
    public async Task An_empty_next_cursor_is_no_cursor_and_ends_the_listing()
    {
        // The contract: "" is no cursor. Sending it back would ask for the first page again.
        _harness.RespondInSequence(
            ClientHarness.Json(200, """{"reports":[{"id":"rep_1","name":"a"}],"next_cursor":""}"""),
            ClientHarness.Json(200, """{"reports":[{"id":"rep_1","name":"a"}],"next_cursor":""}"""));

        var reports = await _harness.Client.ListAllReportsAsync().ToListAsync();
        var page = await _harness.Client.ListReportsAsync();

        Assert.That(reports.Select(r => r.Id), Is.EqualTo(new[] { "rep_1" }));
        Assert.That(page.NextCursor, Is.Null, "a caller paging by hand sees the last page too");
        Assert.That(_harness.Requests.Select(r => r.Url), Has.None.Contains("cursor="));
    }

    [TestCase("""{"reports":[{"id":"rep_1","name":"a"}],"recent_runs":null,"next_cursor":null}""")]
    [TestCase("""{"reports":[{"id":"rep_1","name":"a"}],"next_cursor":null}""")]
    public async Task Recent_runs_null_or_missing_reads_as_an_empty_list(string body)
    {
        _harness.Respond(ClientHarness.Json(200, body));

        var page = await _harness.Client.ListReportsAsync();

        Assert.That(page.RecentRuns, Is.Not.Null.And.Empty);
        Assert.That(page.Reports.Single().Id, Is.EqualTo("rep_1"));
    }

    [Test]
    public async Task A_reshaped_destination_is_read_and_written_back_exactly_as_it_came()
    {
        const string destination = """{"type":"email","emails":["ops@acme.com","cfo@acme.com"]}""";
        _harness.Respond(ClientHarness.Json(200, $$"""{"id":"rep_1","name":"a","type":"traffic","format":"csv","destination":{{destination}}}"""));

        var report = await _harness.Client.GetReportAsync("rep_1");
        await _harness.Client.UpdateReportAsync("rep_1", ReportUpdate.FromReport(report));

        Assert.That(report.Destination, Is.TypeOf<UnknownDestination>());
        var patch = JsonDocument.Parse(_harness.Requests[1].Body!).RootElement;
        Assert.That(patch.GetProperty("destination").GetRawText(), Is.EqualTo(destination));
    }
}
