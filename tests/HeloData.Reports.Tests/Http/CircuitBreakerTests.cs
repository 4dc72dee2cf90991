using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

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
            await ClientHarness.FailsWith(() => harness.Client.GetReportAsync("rep_1"));
        }

        var refused = await ClientHarness.FailsWith(() => harness.Client.GetReportAsync("rep_1"));

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
            var error = await ClientHarness.FailsWith(() => harness.Client.GetReportAsync("rep_1"));
            Assert.That(error.ErrorCode, Is.EqualTo(ReportsErrorCode.RateLimited));
        }

        Assert.That(harness.RequestCount, Is.EqualTo(8));
    }
}
