using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Runs;

/// <summary>Polling a run to completion on a fake clock: outcomes, Retry-After, faults, cancellation, resuming.</summary>
public sealed class WaitForCompletionTests
{
    private DelayTrackingClock _time = null!;
    private ClientHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new DelayTrackingClock(FakeClock.Start);
        _harness = FakeClock.Harness(_time);
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task Queued_running_completed_returns_the_completed_run_and_reports_each_status_once()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("queued")),
            ClientHarness.Json(200, RunJson.WithStatus("running")),
            ClientHarness.Json(200, RunJson.WithStatus("running")),
            ClientHarness.Json(200, RunJson.Completed(new Uri("https://downloads.example/run_1.csv?sig=x"))));
        var progress = new RecordingProgress<ReportRun>();

        var run = await FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", new WaitForCompletionOptions { Progress = progress }));

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(progress.Values.Select(r => r.Status.ToString()), Is.EqualTo(new[] { "queued", "running", "completed" }));
        Assert.That(_harness.RequestCount, Is.EqualTo(4));
    }

    [Test]
    public async Task A_failed_run_throws_with_the_runs_error_code_and_message()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running")),
            ClientHarness.Json(200, RunJson.Failed("internal_error", "exporter crashed")));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1")));

        var failed = (ReportRunFailedException)error;
        Assert.That(failed.ErrorCode, Is.EqualTo(ReportsErrorCode.InternalError));
        Assert.That(failed.Message, Does.Contain("exporter crashed"));
        Assert.That(failed.Run.Error!.Message, Is.EqualTo("exporter crashed"));
    }

    [Test]
    public async Task A_run_that_never_ends_hits_the_max_wait_and_the_timeout_carries_the_last_status()
    {
        _harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running")));
        var options = new WaitForCompletionOptions { MaxWait = TimeSpan.FromMinutes(2) };

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", options)));

        var timeout = (ReportRunTimeoutException)error;
        Assert.That(timeout.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        Assert.That(timeout.LastRun!.Status, Is.EqualTo(RunStatus.Running));
        Assert.That(timeout.RunId, Is.EqualTo("run_1"));
        Assert.That(_time.GetUtcNow() - FakeClock.Start, Is.LessThan(TimeSpan.FromMinutes(2.5)));
        Assert.That(_harness.RequestCount, Is.InRange(15, 60), "1 s polls at first, then about 10 % of the time waited");
    }

    [Test]
    public async Task An_unknown_status_keeps_polling()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("throttled")),
            ClientHarness.Json(200, RunJson.WithStatus("cancelling_maybe")),
            ClientHarness.Json(200, RunJson.Completed(null)));

        var run = await FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1"));

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(_harness.RequestCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Retry_After_on_a_running_status_sets_the_next_delay()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running")).WithHeader("Retry-After", "20"),
            ClientHarness.Json(200, RunJson.Completed(null)));

        var wait = _harness.Client.WaitForCompletionAsync("run_1");
        var secondPollAt = await FakeClock.AdvanceUntilAsync(_time, () => _harness.RequestCount >= 2, TimeSpan.FromMinutes(1));

        var run = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));

        // First poll after the 1 s initial delay, then 20 s as asked, not the 1 s poll interval.
        Assert.That(secondPollAt - FakeClock.Start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(21)).And.LessThan(TimeSpan.FromSeconds(30)));
    }

    [TestCase(0)]
    [TestCase(3)]
    public async Task A_503_in_the_middle_of_polling_does_not_end_the_wait(int transportRetries)
    {
        using var harness = FakeClock.Harness(_time, transportRetries);
        harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running")),
            ClientHarness.Status(503),
            ClientHarness.Json(200, RunJson.WithStatus("running")),
            ClientHarness.Json(200, RunJson.Completed(null)));

        var run = await FakeClock.DriveDelaysAsync(_time, harness.Client.WaitForCompletionAsync("run_1"));

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(harness.RequestCount, Is.EqualTo(4));
    }

    [Test]
    public async Task A_non_transient_error_ends_the_wait_with_its_code()
    {
        _harness.Respond(ClientHarness.Error(404, "not_found", "no such run"));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_gone")));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.NotFound));
        Assert.That(_harness.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancellation_stops_polling_promptly()
    {
        _harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running")));
        using var cancellation = new CancellationTokenSource();
        var wait = _harness.Client.WaitForCompletionAsync("run_1", cancellationToken: cancellation.Token);
        await FakeClock.AdvanceAsync(_time, TimeSpan.FromSeconds(3));
        await Eventually.That(() => _harness.RequestCount >= 2);

        cancellation.Cancel();

        Assert.That(async () => await wait.WaitAsync(TimeSpan.FromSeconds(2)), Throws.InstanceOf<OperationCanceledException>());
        var polls = _harness.RequestCount;
        await FakeClock.AdvanceAsync(_time, TimeSpan.FromSeconds(10));
        Assert.That(_harness.RequestCount, Is.EqualTo(polls), "no poll after cancellation");
        Assert.That(_harness.Requests.Select(r => r.Method), Is.All.EqualTo("GET"), "cancelling the wait does not cancel the run");
    }

    [Test]
    public async Task A_persisted_run_id_is_resumed_by_another_client_instance()
    {
        _harness.Respond(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted));
        var runId = (await _harness.Client.RunReportAsync("rep_01HX2K3PQ4M5")).RunId;

        using var later = FakeClock.Harness(_time);
        later.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running", runId)),
            ClientHarness.Json(200, RunJson.Completed(null, runId: runId)));
        var run = await FakeClock.DriveDelaysAsync(_time, later.Client.WaitForCompletionAsync(runId));

        Assert.That(run.RunId, Is.EqualTo(runId));
        Assert.That(later.Requests.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { $"/v1/reports/runs/{runId}" }));
    }

    [Test]
    public async Task RunAndWait_starts_the_run_then_polls_it()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(202, ContractDocuments.SeedRunAccepted),
            ClientHarness.Json(200, RunJson.WithStatus("running", "run_01HX2K3PQ4M5")),
            ClientHarness.Json(200, RunJson.Completed(null, runId: "run_01HX2K3PQ4M5")));

        var run = await FakeClock.DriveDelaysAsync(_time, _harness.Client.RunReportAndWaitAsync("rep_01HX2K3PQ4M5"));

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(_harness.Requests.Select(r => r.Method), Is.EqualTo(new[] { "POST", "GET", "GET" }));
    }

    [TestCase(1.0, "GrowthFactor")]
    [TestCase(double.NaN, "GrowthFactor")]
    public void Invalid_wait_options_are_refused_before_any_request(double growth, string setting)
    {
        var options = new WaitForCompletionOptions { GrowthFactor = growth };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Client.WaitForCompletionAsync("run_1", options));

        Assert.That(error!.ParamName, Is.EqualTo($"options.{setting}"));
        Assert.That(_harness.RequestCount, Is.Zero);
    }

    [Test]
    public void A_max_poll_interval_below_the_minimum_is_refused()
    {
        var options = new WaitForCompletionOptions { MinPollInterval = TimeSpan.FromSeconds(10), MaxPollInterval = TimeSpan.FromSeconds(5) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Client.WaitForCompletionAsync("run_1", options));

        Assert.That(error!.ParamName, Is.EqualTo("options.MaxPollInterval"));
    }
}
