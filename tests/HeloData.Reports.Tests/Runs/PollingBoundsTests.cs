using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// Whatever <c>Retry-After</c> the service sends while a run is waited for, the next poll comes between
/// the minimum poll interval and the end of the maximum wait: never a busy loop, never a raw exception.
/// </summary>
public sealed class PollingBoundsTests
{
    private static readonly WaitForCompletionOptions ThirtySeconds = new() { MaxWait = TimeSpan.FromSeconds(30) };

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

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("Wed, 21 Oct 2015 07:28:00 GMT", Description = "an HTTP date in the past")]
    public async Task A_retry_after_of_now_still_waits_the_minimum_poll_interval(string retryAfter)
    {
        _harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running")).WithHeader("Retry-After", retryAfter));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", ThirtySeconds)));

        Assert.That(error, Is.TypeOf<ReportRunTimeoutException>());

        // One poll after the 1 s initial delay, then at most one per 1 s minimum interval: 30 at most, not
        // thousands. At least 20: "-1" is no Retry-After at all, so the usual spacing applies, whose longest
        // delays (1.1 s to the 10th second, then 10 % of the time waited) still make 20 polls in 30 s.
        Assert.That(_harness.RequestCount, Is.InRange(20, 30));
    }

    [Test]
    public async Task A_retry_after_past_the_maximum_wait_on_a_running_status_ends_at_once_in_the_typed_timeout()
    {
        _harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running")).WithHeader("Retry-After", "5000000"));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", ThirtySeconds)));

        var timeout = (ReportRunTimeoutException)error;
        Assert.That(timeout.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5_000_000)));
        Assert.That(timeout.LastRun!.Status, Is.EqualTo(RunStatus.Running));
        Assert.That(timeout.RunId, Is.EqualTo("run_1"));
        Assert.That(timeout.Message, Does.Contain("asked to wait 5000000 s"));
        Assert.That(_harness.RequestCount, Is.EqualTo(1));
        Assert.That(_time.GetUtcNow() - FakeClock.Start, Is.LessThan(TimeSpan.FromSeconds(5)), "not waited out");
    }

    [Test]
    public async Task A_rate_limit_asking_for_longer_than_the_maximum_wait_ends_at_once_in_the_typed_timeout()
    {
        _harness.Respond(ClientHarness.Error(429, "rate_limited").WithHeader("Retry-After", "5000000"));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", ThirtySeconds)));

        Assert.That(error, Is.TypeOf<ReportRunTimeoutException>());
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5_000_000)));
        Assert.That(error.Message, Does.Contain("unknown (no poll succeeded)"));
        Assert.That(_harness.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_retry_after_date_far_in_the_future_ends_at_once_in_the_typed_timeout()
    {
        var year3000 = new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("R");
        _harness.Respond(ClientHarness.Json(200, RunJson.WithStatus("running")).WithHeader("Retry-After", year3000));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", ThirtySeconds)));

        Assert.That(error, Is.TypeOf<ReportRunTimeoutException>());
        Assert.That(_harness.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_garbage_retry_after_is_ignored_and_the_usual_spacing_applies()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running")).WithHeader("Retry-After", "soon"),
            ClientHarness.Json(200, RunJson.Completed(null)));

        var run = await FakeClock.DriveDelaysAsync(_time, _harness.Client.WaitForCompletionAsync("run_1", ThirtySeconds));

        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(_time.GetUtcNow() - FakeClock.Start, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task A_retry_after_that_fits_in_the_maximum_wait_is_honoured_beyond_the_maximum_poll_interval()
    {
        _harness.RespondInSequence(
            ClientHarness.Json(200, RunJson.WithStatus("running")).WithHeader("Retry-After", "20"),
            ClientHarness.Json(200, RunJson.Completed(null)));
        var options = new WaitForCompletionOptions { MaxPollInterval = TimeSpan.FromSeconds(5), MaxWait = TimeSpan.FromMinutes(1) };

        var wait = _harness.Client.WaitForCompletionAsync("run_1", options);
        var secondPollAt = await FakeClock.AdvanceUntilAsync(_time, () => _harness.RequestCount >= 2, TimeSpan.FromMinutes(1));

        Assert.That((await wait.WaitAsync(TimeSpan.FromSeconds(10))).Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(secondPollAt - FakeClock.Start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(21)));
    }

    [TestCase(nameof(WaitForCompletionOptions.MaxWait))]
    [TestCase(nameof(WaitForCompletionOptions.MaxPollInterval))]
    [TestCase(nameof(WaitForCompletionOptions.InitialDelay))]
    public void A_duration_no_timer_can_hold_is_refused_before_any_request(string setting)
    {
        var options = new WaitForCompletionOptions();
        typeof(WaitForCompletionOptions).GetProperty(setting)!.SetValue(options, TimeSpan.MaxValue);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Client.WaitForCompletionAsync("run_1", options));

        Assert.That(error!.ParamName, Is.EqualTo($"options.{setting}"));
        Assert.That(error.Message, Does.Contain("30 days"));
        Assert.That(_harness.RequestCount, Is.Zero);
    }
}
