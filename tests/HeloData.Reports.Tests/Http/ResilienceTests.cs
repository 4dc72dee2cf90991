using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Http;

/// <summary>Retries, Retry-After and the guard that keeps a run from being started twice.</summary>
public sealed class ResilienceTests
{
    private static readonly RunWindow Window = new() { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 28) };

    [Test]
    public async Task A_GET_answered_503_503_200_succeeds_after_three_requests()
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(ClientHarness.Status(503), ClientHarness.Status(503), ClientHarness.Json(200, ContractDocuments.ContractRun));

        var run = await harness.Client.GetRunAsync("run_01HX2K3PQ4M5");

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(harness.RequestCount, Is.EqualTo(3));
    }

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task Transient_statuses_are_retried_for_idempotent_calls(int status)
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(ClientHarness.Status(status), ClientHarness.Status(204));

        await harness.Client.DeleteReportAsync("rep_1");

        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(422)]
    public async Task Client_errors_are_never_retried(int status)
    {
        using var harness = new ClientHarness();
        harness.Respond(ClientHarness.Error(status, "validation_failed"));

        await Fails.With(() => harness.Client.GetReportAsync("rep_1"));

        Assert.That(harness.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Retries_stop_after_MaxRetryAttempts_and_the_last_error_surfaces()
    {
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 2);
        harness.Respond(ClientHarness.Error(502, "internal_error", "upstream down"));

        var error = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));

        Assert.That(harness.RequestCount, Is.EqualTo(3));
        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InternalError));
        Assert.That(error.Message, Does.Contain("upstream down"));
    }

    [Test]
    public async Task A_500_on_run_is_sent_exactly_once_and_surfaces_as_a_typed_error()
    {
        using var harness = new ClientHarness();
        harness.Respond(ClientHarness.Error(500, "internal_error"));

        var error = await Fails.With(() => harness.Client.RunReportAsync("rep_1", Window));

        Assert.That(harness.RequestCount, Is.EqualTo(1), "a retried run is a duplicate run");
        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.InternalError));
        Assert.That(error.Status, Is.EqualTo(500));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [TestCase(408)]
    public async Task Unsafe_POSTs_are_not_retried_when_the_service_may_have_acted(int status)
    {
        using var harness = new ClientHarness();
        harness.Respond(ClientHarness.Status(status));

        await Fails.With(() => harness.Client.CreateReportAsync(Weekly()));
        await Fails.With(() => harness.Client.RunReportAsync("rep_1"));

        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task A_429_on_a_POST_is_retried()
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(ClientHarness.Error(429, "rate_limited"), ClientHarness.Json(202, ContractDocuments.SeedRunAccepted));

        var accepted = await harness.Client.RunReportAsync("rep_1", Window);

        Assert.That(accepted.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task A_503_with_Retry_After_on_a_POST_is_retried()
    {
        using var harness = new ClientHarness();
        harness.RespondInSequence(
            ClientHarness.Status(503).WithHeader("Retry-After", "0"),
            ClientHarness.Json(201, ContractDocuments.ContractReport));

        var report = await harness.Client.CreateReportAsync(Weekly());

        Assert.That(report.Id, Is.EqualTo("rep_01HX2K3PQ4M5"));
        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task A_POST_that_times_out_after_sending_is_not_retried()
    {
        using var harness = new ClientHarness(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(50));
        harness.Respond(ClientHarness.Json(202, ContractDocuments.SeedRunAccepted).WithDelay(TimeSpan.FromSeconds(1)));

        var error = await Fails.With(() => harness.Client.RunReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.Timeout));
        Assert.That(harness.Logs.Entries.Count(e => e.EventId.Name is "HttpFailed" or "HttpAnswered"), Is.EqualTo(1), "one attempt only");
        await Eventually.That(() => harness.RequestCount == 1);
    }

    [Test]
    public async Task A_GET_that_times_out_is_retried()
    {
        using var harness = new ClientHarness(
            o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200),
            configureServices: services => services.AddHeloReports().AddHttpMessageHandler(() => new FirstAnswerLost()));
        harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun));

        var run = await harness.Client.GetRunAsync("run_1");

        Assert.That(run.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(harness.Logs.Entries.Count(e => e.EventId.Name == "HttpFailed"), Is.GreaterThanOrEqualTo(1));
        Assert.That(harness.Logs.Entries.Count(e => e.EventId.Name == "HttpAnswered"), Is.EqualTo(1));
        Assert.That(Retries(harness), Has.Some.Contains("attempt 1 timed out; retrying in"));
    }

    [Test]
    public async Task Retry_After_seconds_is_honoured_on_the_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        using var harness = new ClientHarness(timeProvider: time);
        harness.RespondInSequence(
            ClientHarness.Error(429, "rate_limited").WithHeader("Retry-After", "2"),
            ClientHarness.Json(200, ContractDocuments.ContractRun));

        var call = harness.Client.GetRunAsync("run_1");
        await RetryDelayStarted(harness);

        time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(100);
        Assert.That(harness.RequestCount, Is.EqualTo(1), "must not retry before Retry-After has passed");

        time.Advance(TimeSpan.FromSeconds(0.1));
        var run = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(run.RunId, Is.EqualTo("run_01HX2K3PQ4M5"));
        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Retry_After_as_an_HTTP_date_is_honoured_on_the_clock()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        using var harness = new ClientHarness(timeProvider: time);
        harness.RespondInSequence(
            ClientHarness.Status(503).WithHeader("Retry-After", now.AddSeconds(5).ToString("R")),
            ClientHarness.Json(200, ContractDocuments.ContractRun));

        var call = harness.Client.GetRunAsync("run_1");
        await RetryDelayStarted(harness);

        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(100);
        Assert.That(harness.RequestCount, Is.EqualTo(1));

        time.Advance(TimeSpan.FromSeconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(harness.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task A_Retry_After_the_total_timeout_would_cut_short_fails_at_once_with_the_answer_not_a_timeout()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        using var harness = new ClientHarness(
            o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
                o.TotalTimeout = TimeSpan.FromSeconds(20);
            },
            time);
        harness.RespondInSequence(
            ClientHarness.Error(503, "service_unavailable").WithHeader("Retry-After", "8"),
            ClientHarness.Error(429, "rate_limited").WithHeader("Retry-After", "15"),
            ClientHarness.Json(200, ContractDocuments.ContractRun));

        var call = Fails.With(() => harness.Client.GetRunAsync("run_1"));
        await RetryDelayStarted(harness);
        time.Advance(TimeSpan.FromSeconds(8)); // 8 s waited of 20: fits, so the first wait is honoured
        var error = await call.WaitAsync(TimeSpan.FromSeconds(10));

        // 8 s spent + 15 s asked for > 20 s: the second answer is the caller's at once.
        Assert.That(harness.RequestCount, Is.EqualTo(2));
        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public async Task A_Retry_After_above_the_cap_fails_at_once_with_the_code_and_the_value()
    {
        using var harness = new ClientHarness(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60));
        harness.Respond(ClientHarness.Error(429, "rate_limited").WithHeader("Retry-After", "120"));

        var error = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));

        Assert.That(harness.RequestCount, Is.EqualTo(1));
        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(error.Message, Does.Contain("120"));
    }

    [Test]
    public async Task A_POST_whose_connection_is_refused_is_retried_because_nothing_was_sent()
    {
        var port = ClosedPort.Find();
        using var harness = new ClientHarness(o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/");
            o.MaxRetryAttempts = 2;
        });

        var error = await Fails.With(() => harness.Client.RunReportAsync("rep_1"));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.ConnectionFailed));
        var attempts = harness.Logs.Entries.Count(e => e.EventId.Name == "HttpFailed");
        Assert.That(attempts, Is.EqualTo(3), "one attempt and two retries, each logged");
        Assert.That(Retries(harness), Has.Exactly(2).Contains("failed with HttpRequestException; retrying in"));
    }

    private static NewReport Weekly() => new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
    {
        Schedule = "0 9 * * MON",
        Destination = new EmailDestination("ops@acme.com"),
    };

    // The Warning line each retry leaves, naming what was retried.
    private static IEnumerable<string> Retries(ClientHarness harness) =>
        harness.Logs.Entries.Where(e => e.EventId.Name == "HttpRetrying").Select(e => e.Message);

    // The clock may only move once the client has read the answer and started its delay: the request reaching
    // the server is too early (a loaded machine may not have scheduled the delay yet, which then starts after the
    // advance and the call waits for ever). The retry is logged just before Polly starts the delay, on the same
    // thread and without an await between, so the short pause covers what is left.
    private static async Task RetryDelayStarted(ClientHarness harness)
    {
        await Eventually.That(() => harness.Logs.Entries.Any(e => e.EventId.Name == "HttpRetrying"));
        await Task.Delay(50);
    }
}
