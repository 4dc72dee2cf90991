using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

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
    public async Task Every_handler_chain_the_factory_builds_for_the_sdk_shares_one_circuit()
    {
        // An application may shorten the SDK's handler lifetime; the factory then builds new chains. The
        // breaker is the container's, not a chain's: a chain built after the circuit opened refuses too.
        var chains = 0;
        using var harness = new ClientHarness(o => o.MaxRetryAttempts = 0, configureServices: services => services
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

        await Task.Delay(TimeSpan.FromSeconds(2)); // real time: the factory's own timer retires the first chain
        using var fresh = harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ReportsClientDefaults.HttpClientName);

        Assert.That(async () => await fresh.GetAsync("reports/rep_1"), Throws.InstanceOf<BrokenCircuitException>());
        Assert.That(chains, Is.EqualTo(2), "the factory should have built a second handler chain");
        Assert.That((await Fails.With(() => harness.Client.GetReportAsync("rep_1"))).ErrorCode, Is.EqualTo(ReportsErrorCode.CircuitOpen));
        Assert.That(chains, Is.EqualTo(2), "the client keeps the one HttpClient it took");
        Assert.That(harness.RequestCount, Is.EqualTo(6));
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
