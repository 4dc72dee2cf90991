using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Tests.Runs;

/// <summary>
/// A wait's polls are not retried by the HTTP pipeline (the wait's own schedule is the retry), while a
/// standalone <c>GetRunAsync</c> still is. Counted with the service down, on a fake clock: every attempt
/// is stamped with the fake time it was sent at, so a retry inside a poll shows as two attempts closer
/// together than the wait's poll interval, however long the requests take.
/// </summary>
public sealed class PollRetryTests
{
    private const int TransportRetries = 3;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    // Polls at 1 s, then every 5–5.5 s: four polls before the 20 s maximum wait, whatever the jitter.
    private static readonly WaitForCompletionOptions TwentySeconds = new()
    {
        MinPollInterval = PollInterval,
        MaxPollInterval = PollInterval,
        MaxWait = TimeSpan.FromSeconds(20),
    };

    private readonly List<DateTimeOffset> _attempts = [];
    private DelayTrackingClock _time = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new DelayTrackingClock(FakeClock.Start);
        _attempts.Clear();
    }

    [Test]
    public async Task A_wait_against_a_service_answering_503_sends_one_request_per_poll_and_logs_no_retry()
    {
        using var harness = Harness(closedPort: false);
        harness.Respond(ClientHarness.Status(503));

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, harness.Client.WaitForCompletionAsync("run_1", TwentySeconds)));

        Assert.That(error, Is.TypeOf<ReportRunTimeoutException>());
        AssertOneAttemptPerPoll();
        Assert.That(harness.RequestCount, Is.EqualTo(Attempts.Count));
        Assert.That(Warnings(harness), Is.Empty);
    }

    [Test]
    public async Task A_wait_against_a_closed_port_sends_one_attempt_per_poll_and_logs_no_retry()
    {
        using var harness = Harness(closedPort: true);

        var error = await Fails.With(() => FakeClock.DriveDelaysAsync(_time, harness.Client.WaitForCompletionAsync("run_1", TwentySeconds)));

        Assert.That(error, Is.TypeOf<ReportRunTimeoutException>());
        AssertOneAttemptPerPoll();
        Assert.That(Warnings(harness), Is.Empty);
    }

    [Test]
    public async Task A_standalone_GetRunAsync_against_a_service_answering_503_is_still_retried()
    {
        using var harness = Harness(closedPort: false);
        harness.Respond(ClientHarness.Status(503));

        var error = await Fails.With(() => FakeClock.DriveAsync(_time, harness.Client.GetRunAsync("run_1")));

        Assert.That(error.Status, Is.EqualTo(503));
        Assert.That(harness.RequestCount, Is.EqualTo(1 + TransportRetries));
        Assert.That(Warnings(harness), Has.Count.EqualTo(TransportRetries).And.All.Contains("answered 503; retrying in"));
    }

    [Test]
    public async Task A_standalone_GetRunAsync_against_a_closed_port_is_still_retried()
    {
        using var harness = Harness(closedPort: true);

        var error = await Fails.With(() => FakeClock.DriveAsync(_time, harness.Client.GetRunAsync("run_1")));

        Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.ConnectionFailed));
        Assert.That(Attempts, Has.Count.EqualTo(1 + TransportRetries));
        Assert.That(Warnings(harness), Has.Count.EqualTo(TransportRetries).And.All.Contains("failed with HttpRequestException; retrying in"));
    }

    private List<DateTimeOffset> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    // Before the fix each poll was 1 + 3 attempts milliseconds apart (the backoff), so 16 attempts and 12 warnings.
    private void AssertOneAttemptPerPoll()
    {
        var attempts = Attempts;
        Assert.That(attempts, Has.Count.EqualTo(4), "four polls fit in the 20 s wait");
        Assert.That(attempts.Zip(attempts.Skip(1), (earlier, later) => later - earlier), Has.All.GreaterThanOrEqualTo(PollInterval));
    }

    // The client on the fake clock with the default retries and generous timeouts (FakeClock.Harness), plus
    // a handler inside the retries that stamps each attempt, whether or not it reaches a server.
    private ClientHarness Harness(bool closedPort)
    {
        var port = closedPort ? ClosedPort.Find() : 0;
        return new ClientHarness(
            o =>
            {
                if (closedPort)
                {
                    o.BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/");
                }

                o.AttemptTimeout = TimeSpan.FromHours(1);
                o.TotalTimeout = TimeSpan.FromHours(2);
                o.MaxRetryAttempts = TransportRetries;
            },
            _time,
            services => services.AddHeloReports().AddHttpMessageHandler(() => new StampingHandler(_time, _attempts)));
    }

    private static List<string> Warnings(ClientHarness harness) =>
        [.. harness.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message)];

    private sealed class StampingHandler(TimeProvider time, List<DateTimeOffset> attempts) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (attempts)
            {
                attempts.Add(time.GetUtcNow());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
