using HeloData.Reports.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector.Tests.Hosting;

/// <summary>What <c>AddHeloReportsCollector</c> and its builder register: handler names, refusals, options checked with messages naming the option.</summary>
public sealed class RegistrationTests
{
    [Test]
    public void Handlers_are_registered_in_order_under_their_names()
    {
        var services = new ServiceCollection();
        services.AddHeloReportsCollector(_ => { })
            .AddHandler<RecordingHandler>()
            .AddHandler("mine", (_, _) => Task.CompletedTask)
            .WriteToDirectory("exports");

        Assert.That(
            services.Select(d => d.ImplementationInstance).OfType<HandlerRegistration>().Select(r => r.Name),
            Is.EqualTo(new[] { typeof(RecordingHandler).FullName, "mine", "directory:" + Path.GetFullPath("exports") }));
    }

    [Test]
    public void A_name_used_twice_or_a_blank_one_is_refused()
    {
        var builder = new ServiceCollection().AddHeloReportsCollector(_ => { }).WriteToDirectory("exports");

        Assert.That(() => builder.WriteToDirectory("./exports/"), Throws.ArgumentException.With.Message.Contains("directory:"));
        Assert.That(() => builder.AddHandler(" ", (_, _) => Task.CompletedTask), Throws.ArgumentException);
    }

    [Test]
    public void Without_the_client_the_collector_says_what_is_missing()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHeloReportsCollector(_ => { });
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IReportsCollector>(), Throws.InvalidOperationException.With.Message.Contains("AddHeloReports"));
    }

    [Test]
    public void Every_wrong_option_is_named()
    {
        var services = new ServiceCollection();
        services.AddHeloReportsCollector(o =>
        {
            o.Reports = ["rep_1", " "];
            o.Since = TimeSpan.FromDays(91);
            o.PollInterval = TimeSpan.FromMilliseconds(10);
            o.GapGracePeriod = TimeSpan.FromMinutes(1);
            o.MaxConcurrentRuns = 0;
            o.ClaimLease = TimeSpan.Zero;
            o.InstanceName = " ";
            o.TemporaryDirectory = "";
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value)!;

        Assert.That(failure.Failures, Has.Exactly(8).Items);
        foreach (var option in new[] { "Reports[1]", "Since", "PollInterval", "GapGracePeriod", "MaxConcurrentRuns", "ClaimLease", "InstanceName", "TemporaryDirectory" })
        {
            Assert.That(failure.Failures, Has.Some.StartsWith($"ReportsCollectorOptions.{option} "), option);
        }
    }

    [Test]
    public void The_defaults_pass()
    {
        var services = new ServiceCollection();
        services.AddHeloReportsCollector(_ => { });
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value.MaxConcurrentRuns, Is.EqualTo(2));
    }
}
