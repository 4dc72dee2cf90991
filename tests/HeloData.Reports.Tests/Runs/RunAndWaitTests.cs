using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// Once <c>RunReportAndWaitAsync</c>'s run is accepted, no failure loses it: every exception names the run,
/// and none invites calling again (which would start a second run).
/// </summary>
public sealed class RunAndWaitTests
{
    private const string RunId = "run_01HX2K3PQ4M5";

    private DelayTrackingClock _time = null!;
    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new DelayTrackingClock(FakeClock.Start);
        _harness = FakeClock.Harness(_time, transportRetries: 0);
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static IEnumerable<TestCaseData> FailuresAfterThePost()
    {
        yield return Case("401", ClientHarness.Error(401, "unauthorized"), ReportsErrorCode.Unauthorized);
        yield return Case("404", ClientHarness.Error(404, "not_found"), ReportsErrorCode.NotFound);
        yield return Case("invalid response", ClientHarness.Json(200, """{"run_id":null}"""), ReportsErrorCode.InvalidResponse);
        yield return Case("failed run", ClientHarness.Json(200, RunJson.Failed("internal_error", "exporter crashed", RunId)), ReportsErrorCode.InternalError);
        yield return Case("timeout", ClientHarness.Json(200, RunJson.WithStatus("running", RunId)), ReportsErrorCode.Timeout);

        static TestCaseData Case(string name, WireMock.ResponseBuilders.IResponseBuilder poll, ReportsErrorCode code) =>
            new TestCaseData(poll, code).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(FailuresAfterThePost))]
    public async Task Every_failure_after_the_post_carries_the_run_id_and_is_not_transient(WireMock.ResponseBuilders.IResponseBuilder poll, ReportsErrorCode code)
    {
        _harness.RespondInSequence(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted), poll);
        var options = new WaitForCompletionOptions { MaxWait = TimeSpan.FromMinutes(1) };

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.RunReportAndWaitAsync("rep_01HX2K3PQ4M5", options: options)));

        Assert.That(error.ErrorCode, Is.EqualTo(code));
        Assert.That(error.RunId, Is.EqualTo(RunId));
        Assert.That(error.IsTransient, Is.False, "calling RunReportAndWaitAsync again would start a second run");
        Assert.That(_harness.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_timeout_of_WaitForCompletionAsync_is_transient_since_waiting_again_is_safe()
    {
        _harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running", RunId)));
        var options = new WaitForCompletionOptions { MaxWait = TimeSpan.FromMinutes(1) };

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync(RunId, options)));

        Assert.That(error, Is.TypeOf<ReportRunTimeoutException>());
        Assert.That(((ReportRunTimeoutException)error).RunStartedByCall, Is.False);
        Assert.That(error.RunId, Is.EqualTo(RunId));
        Assert.That(error.IsTransient, Is.True, "waiting for the same run again starts nothing");
    }

    [Test]
    public async Task A_timeout_of_RunReportAndWaitAsync_is_a_new_exception_that_is_not_transient_around_the_waits_own_left_as_it_was()
    {
        _harness.RespondInSequence(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted), ClientHarness.Json(200, RunJson.WithStatus("running", RunId)));
        var options = new WaitForCompletionOptions { MaxWait = TimeSpan.FromMinutes(1) };

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.RunReportAndWaitAsync("rep_01HX2K3PQ4M5", options: options)));

        var timedOut = error as ReportRunTimeoutException;
        var wait = error.InnerException as ReportRunTimeoutException;
        Assert.That(timedOut, Is.Not.Null);
        Assert.That(wait, Is.Not.Null.And.Not.SameAs(error), "the wait's own exception is kept whole inside");
        Assert.That((timedOut!.RunStartedByCall, timedOut.IsTransient, timedOut.RunId), Is.EqualTo((true, false, RunId)));
        Assert.That((wait!.RunStartedByCall, wait.IsTransient, wait.RunId), Is.EqualTo((false, true, RunId)), "the exception in flight was not changed");
        Assert.That((timedOut.LastRun, timedOut.RetryAfter, timedOut.Message), Is.EqualTo((wait.LastRun, wait.RetryAfter, wait.Message)));
    }

    [Test]
    public async Task A_failed_poll_that_ends_the_wait_is_a_new_exception_around_the_polls_own_which_is_left_as_it_was()
    {
        _harness.RespondInSequence(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted), ClientHarness.Error(401, "unauthorized", "bad key"));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.RunReportAndWaitAsync("rep_01HX2K3PQ4M5")));

        var poll = error.InnerException as ReportsException;
        Assert.That(poll, Is.Not.Null, "the poll's exception is kept whole inside");
        Assert.That(poll!.RunId, Is.Null, "the exception in flight was not given the run id");
        Assert.That((error.RunId, error.ErrorCode, error.Status, error.RequestId), Is.EqualTo((RunId, poll.ErrorCode, poll.Status, poll.RequestId)));
        Assert.That(error.Message, Does.StartWith($"Waiting for run {RunId} failed: ").And.EndsWith(poll.Message));
        Assert.That(error.IsTransient, Is.False);
    }

    [Test]
    public async Task Cancellation_after_the_post_is_an_OperationCanceledException_that_names_the_run()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(202, ContractDocuments.SeedRunAccepted),
            ClientHarness.Json(200, RunJson.WithStatus("running", RunId)));
        using var cancellation = new CancellationTokenSource();
        var wait = _harness.Client.RunReportAndWaitAsync("rep_01HX2K3PQ4M5", cancellationToken: cancellation.Token);
        await FakeClock.AdvanceUntilAsync(_time, () => _harness.RequestCount >= 2, TimeSpan.FromMinutes(1));

        cancellation.Cancel();

        var canceled = await Assert.ThrowsAsync<ReportRunWaitCanceledException>(async () => await wait.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(canceled!.RunId, Is.EqualTo(RunId));
        Assert.That(canceled.CancellationToken, Is.EqualTo(cancellation.Token));
        Assert.That(canceled, Is.InstanceOf<OperationCanceledException>());
        Assert.That(canceled.Message, Does.Contain($"WaitForCompletionAsync(\"{RunId}\")"));
    }

    [Test]
    public async Task An_accepted_run_without_its_run_id_is_an_invalid_response_not_the_callers_fault()
    {
        // The observed answer: "id" where "run_id" belongs. The run may have started, so the
        // outcome is unknown, and the caller is not blamed with an ArgumentException.
        _harness.Respond(ClientHarness.Json(202, """{"id":"run_1","status":"queued"}"""));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.RunReportAndWaitAsync("rep_1")));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InvalidResponse));
        Assert.That(error.Message, Does.Contain("run_id is missing, null or empty"));
        Assert.That(error.OutcomeUnknown, Is.True);
        Assert.That(error.IsTransient, Is.False);
        Assert.That(_harness.RequestCount, Is.EqualTo(1), "nothing polled for an id that is not there");
    }
}
