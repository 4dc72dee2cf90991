using HeloData.Reports.Api;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Api;

/// <summary>
/// The DI client takes its HttpClient from the factory once a minute: cheap per call, yet inside the
/// factory's handler lifetime, so handlers (and DNS) still rotate.
/// </summary>
public sealed class ReportsApiSourceTests
{
    [Test]
    public void Calls_within_a_minute_share_one_client_and_a_later_call_gets_a_fresh_one()
    {
        var time = new FakeTimeProvider();
        var factory = new CountingFactory();
        var source = new ReportsApiSource.FromFactory(factory, "HeloData.Reports", time);

        var first = source.Get();
        time.Advance(TimeSpan.FromSeconds(59));
        var second = source.Get();
        time.Advance(TimeSpan.FromSeconds(1));
        var third = source.Get();

        Assert.That(second, Is.SameAs(first));
        Assert.That(third, Is.Not.SameAs(first));
        Assert.That(factory.Created, Is.EqualTo(2));
        Assert.That(ReportsApiSource.FromFactory.Renewal, Is.LessThan(TimeSpan.FromMinutes(2)), "inside the factory's default handler lifetime");
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
