using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector.Tests.Hosting;

/// <summary><c>AddHeloReportsCollector(IConfigurationSection)</c>: options bound from configuration, checked when the host starts.</summary>
public sealed class ConfigurationSectionTests
{
    [Test]
    public void Every_setting_is_bound_from_the_section()
    {
        var section = Section(new()
        {
            ["HeloReports:Collector:Reports:0"] = "rep_1",
            ["HeloReports:Collector:Reports:1"] = "rep_2",
            ["HeloReports:Collector:Since"] = "7.00:00:00",
            ["HeloReports:Collector:Backfill"] = "true",
            ["HeloReports:Collector:PollInterval"] = "00:00:30",
            ["HeloReports:Collector:GapGracePeriod"] = "00:10:00",
            ["HeloReports:Collector:MaxConcurrentRuns"] = "4",
            ["HeloReports:Collector:ClaimLease"] = "00:02:00",
            ["HeloReports:Collector:InstanceName"] = "collector-a",
            ["HeloReports:Collector:TemporaryDirectory"] = "/var/tmp",
        });

        var options = Options(services => services.AddHeloReportsCollector(section));

        Assert.That(options.Reports, Is.EqualTo(new[] { "rep_1", "rep_2" }));
        Assert.That(
            (options.Since, options.Backfill, options.PollInterval, options.GapGracePeriod, options.MaxConcurrentRuns, options.ClaimLease, options.InstanceName, options.TemporaryDirectory),
            Is.EqualTo((TimeSpan.FromDays(7), true, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), 4, TimeSpan.FromMinutes(2), "collector-a", "/var/tmp")));
    }

    [Test]
    public void Settings_the_section_leaves_out_keep_their_defaults_and_code_configured_after_wins()
    {
        var section = Section(new() { ["HeloReports:Collector:Backfill"] = "true", ["HeloReports:Collector:InstanceName"] = "from-config" });

        var options = Options(services =>
        {
            services.AddHeloReportsCollector(section);
            services.Configure<ReportsCollectorOptions>(o => o.InstanceName = "from-code");
        });

        var defaults = new ReportsCollectorOptions();
        Assert.That((options.Backfill, options.InstanceName), Is.EqualTo((true, "from-code")));
        Assert.That((options.Reports.Count, options.Since, options.PollInterval, options.MaxConcurrentRuns), Is.EqualTo((0, defaults.Since, defaults.PollInterval, defaults.MaxConcurrentRuns)));
    }

    [Test]
    public void A_value_that_is_not_a_duration_is_refused_naming_its_key()
    {
        var section = Section(new() { ["HeloReports:Collector:Since"] = "a week" });

        Assert.That(
            () => Options(services => services.AddHeloReportsCollector(section)),
            Throws.InvalidOperationException.With.Message.Contains("HeloReports:Collector:Since"));
    }

    [Test]
    public async Task A_bound_value_the_collector_cannot_work_with_fails_the_host_start_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHeloReports(o => (o.ApiKey, o.BaseAddress) = ("test-key", new Uri("http://127.0.0.1:9/")));
        builder.Services.AddHeloReportsCollector(Section(new() { ["HeloReports:Collector:ClaimLease"] = "00:00:00.100" })).WriteToDirectory(Path.GetTempPath());
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Failures, Has.Some.StartsWith("ReportsCollectorOptions.ClaimLease must be at least 1 second"));
    }

    [Test]
    public void A_null_section_is_refused()
    {
        Assert.That(() => new ServiceCollection().AddHeloReportsCollector((IConfigurationSection)null!), Throws.ArgumentNullException);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("HeloReports:Collector");

    private static ReportsCollectorOptions Options(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ReportsCollectorOptions>>().Value;
    }
}
