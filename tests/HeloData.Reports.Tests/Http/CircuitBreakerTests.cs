using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Http;

/// <summary>The circuit breaker trips on the handful of calls a low-volume client makes.</summary>
public sealed class CircuitBreakerTests
{
    [Test]
    public async Task Six_failing_attempts_open_the_circuit_and_the_next_call_is_refused_without_a_request()
    {
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 0);
        harness.Respond(ClientHarness.Status(500));

        for (var i = 0; i < 6; i++)
        {
            await Fails.With(() => harness.Client.GetReportAsync("rep_1"));
        }

        var refused = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));

        Assert.That(harness.RequestCount, Is.EqualTo(6));
        Assert.That(refused.ErrorCode, Is.EqualTo(ReportsErrorCode.CircuitOpen));
        Assert.That(refused.IsTransient, Is.True);
        Assert.That(refused.RetryAfter, Is.Not.Null.And.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Rate_limits_do_not_open_the_circuit()
    {
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 0);
        harness.Respond(ClientHarness.Error(429, "rate_limited"));

        for (var i = 0; i < 8; i++)
        {
            var error = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));
            Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.RateLimited));
        }

        Assert.That(harness.RequestCount, Is.EqualTo(8));
    }

    [Test]
    public async Task The_circuit_outlives_the_factory_rotating_the_handler_chain()
    {
        // The factory rebuilds the SDK's handler chain once its lifetime (here 1 s) is over, and the
        // client takes a fresh HttpClient every minute: the new chain must see the same breaker.
        var time = new FakeTimeProvider(FakeClock.Start);
        var chains = 0;
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 0, time, services => services
            .AddHttpClient(ReportsClientDefaults.HttpClientName)
            .SetHandlerLifetime(TimeSpan.FromSeconds(1))
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref chains);
                return new PassThroughHandler();
            }));
        harness.Respond(ClientHarness.Status(500));
        for (var i = 0; i < 6; i++)
        {
            await Fails.With(() => harness.Client.GetReportAsync("rep_1"));
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // real time: the factory's own timer retires the chain
        time.Advance(TimeSpan.FromSeconds(61)); // fake time: the client renews its HttpClient; the break (15 s) is over
        var probe = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));
        var afterProbe = await Fails.With(() => harness.Client.GetReportAsync("rep_1"));

        Assert.That(chains, Is.EqualTo(2), "the factory should have built a second handler chain");
        Assert.That(probe.ErrorCode, Is.EqualTo(ReportsErrorCode.InternalError), "half-open: one probe goes through");
        Assert.That(afterProbe.ErrorCode, Is.EqualTo(ReportsErrorCode.CircuitOpen), "the failed probe opens the shared circuit again");
        Assert.That(harness.RequestCount, Is.EqualTo(7));
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
