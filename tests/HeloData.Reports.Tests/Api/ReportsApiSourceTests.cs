using HeloData.Reports.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Api;

/// <summary>
/// The DI client takes its HttpClient from the factory once a minute (or each half handler lifetime,
/// if that is shorter): cheap per call, yet inside the factory's handler lifetime, so handlers (and
/// DNS) still rotate.
/// </summary>
public sealed class ReportsApiSourceTests
{
    [Test]
    public void Calls_within_a_minute_share_one_client_and_a_later_call_gets_a_fresh_one()
    {
        var time = new FakeTimeProvider();
        var factory = new CountingFactory();
        var source = new ReportsApiSource.FromFactory(factory, "HeloData.Reports", time, TimeSpan.FromMinutes(1));

        var first = source.Get();
        time.Advance(TimeSpan.FromSeconds(59));
        var second = source.Get();
        time.Advance(TimeSpan.FromSeconds(1));
        var third = source.Get();

        Assert.That(second, Is.SameAs(first));
        Assert.That(third, Is.Not.SameAs(first));
        Assert.That(factory.Created, Is.EqualTo(2));
    }

    [TestCase(-1, 60, Description = "an infinite lifetime: still once a minute")]
    [TestCase(120, 60, Description = "the factory's default (2 min)")]
    [TestCase(600, 60)]
    [TestCase(90, 45)]
    [TestCase(20, 10)]
    [TestCase(1, 0.5, Description = "the factory's shortest lifetime")]
    public void The_renewal_is_half_the_handler_lifetime_and_at_most_a_minute(double lifetimeSeconds, double renewalSeconds)
    {
        var lifetime = lifetimeSeconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(lifetimeSeconds);

        Assert.That(ReportsApiSource.FromFactory.RenewalFor(lifetime), Is.EqualTo(TimeSpan.FromSeconds(renewalSeconds)));
    }

    [Test]
    public void AddHeloReports_follows_a_handler_lifetime_the_application_sets_on_the_SDKs_client()
    {
        var services = new ServiceCollection();
        services.AddHeloReports(o => o.ApiKey = "key").SetHandlerLifetime(TimeSpan.FromSeconds(30));
        using var provider = services.BuildServiceProvider();

        var source = (ReportsApiSource.FromFactory)provider.GetRequiredService<ReportsClient>().ApiSource;

        Assert.That(source.Renewal, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void AddHeloReports_renews_once_a_minute_with_the_factorys_default_lifetime()
    {
        var services = new ServiceCollection();
        services.AddHeloReports(o => o.ApiKey = "key");
        using var provider = services.BuildServiceProvider();

        var source = (ReportsApiSource.FromFactory)provider.GetRequiredService<ReportsClient>().ApiSource;

        Assert.That(source.Renewal, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    private sealed class CountingFactory : IHttpClientFactory
    {
        public int Created { get; private set; }

        public HttpClient CreateClient(string name)
        {
            Created++;
            return new HttpClient { BaseAddress = new Uri("https://api.helodata.com/v1/") };
        }
    }
}
