using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Tests.Configuration;

/// <summary>
/// One configuration story: the <c>HeloReports</c> section, then <c>HELODATA_API_KEY</c> and
/// <c>HELODATA_BASE_URL</c> for what it leaves unset; every message names the key the user set, never a secret.
/// </summary>
public sealed class SettingSourcesTests
{
    private const string SectionKey = "hd_live_SECTION_1f2e3d";
    private const string EnvironmentKey = "hd_live_ENVIRONMENT_9a8b7c";

    [Test]
    public void The_section_alone_configures_the_client()
    {
        var options = Resolve(Section(("ApiKey", SectionKey), ("BaseAddress", "https://staging.helodata.com/v1/")), Environment());

        Assert.That((options.ApiKey, options.BaseAddress), Is.EqualTo((SectionKey, new Uri("https://staging.helodata.com/v1/"))));
    }

    [Test]
    public void The_environment_alone_configures_the_client()
    {
        var options = Resolve(Section(), Environment(("HELODATA_API_KEY", EnvironmentKey), ("HELODATA_BASE_URL", "http://127.0.0.1:8080/v1/")));

        Assert.That((options.ApiKey, options.BaseAddress), Is.EqualTo((EnvironmentKey, new Uri("http://127.0.0.1:8080/v1/"))));
    }

    [Test]
    public void The_section_wins_over_the_environment_and_the_environment_fills_what_it_leaves_unset()
    {
        var environment = Environment(("HELODATA_API_KEY", EnvironmentKey), ("HELODATA_BASE_URL", "http://127.0.0.1:8080/v1/"));

        var keyInSection = Resolve(Section(("ApiKey", SectionKey)), environment);
        var both = Resolve(Section(("ApiKey", SectionKey), ("BaseAddress", "https://staging.helodata.com/v1/")), environment);

        Assert.That((keyInSection.ApiKey, keyInSection.BaseAddress), Is.EqualTo((SectionKey, new Uri("http://127.0.0.1:8080/v1/"))));
        Assert.That((both.ApiKey, both.BaseAddress), Is.EqualTo((SectionKey, new Uri("https://staging.helodata.com/v1/"))));
    }

    [Test]
    public void Code_wins_over_the_environment()
    {
        using var provider = Provider(services => services.AddHeloReports(o => o.ApiKey = SectionKey), Environment(("HELODATA_API_KEY", EnvironmentKey)));

        Assert.That(provider.GetRequiredService<IOptions<ReportsClientOptions>>().Value.ApiKey, Is.EqualTo(SectionKey));
    }

    [Test]
    public void No_key_anywhere_fails_at_start_naming_the_section_key_and_the_variable()
    {
        var error = StartFails(services => services.AddHeloReports(Section(("MaxRetryAttempts", "2"))), Environment());

        Assert.That(error, Does.Contain("HeloReports:ApiKey").And.Contain("HELODATA_API_KEY"));
    }

    [Test]
    public void No_key_in_code_or_the_environment_names_the_option_and_the_variable()
    {
        var error = StartFails(services => services.AddHeloReports(_ => { }), Environment());

        Assert.That(error, Does.Contain("ReportsClientOptions.ApiKey").And.Contain("HELODATA_API_KEY"));
    }

    [Test]
    public void A_malformed_base_url_in_the_environment_fails_at_start_naming_the_variable_not_its_value()
    {
        var error = StartFails(
            services => services.AddHeloReports(Section(("ApiKey", SectionKey))),
            Environment(("HELODATA_BASE_URL", "//user:hunter2@[bad")));

        Assert.That(error, Does.Contain("HELODATA_BASE_URL").And.Not.Contain("hunter2"));
    }

    [Test]
    public void A_plain_http_base_url_in_the_environment_is_named_by_the_variable_without_its_credentials()
    {
        var error = StartFails(
            services => services.AddHeloReports(Section(("ApiKey", SectionKey))),
            Environment(("HELODATA_BASE_URL", "http://user:hunter2@api.example/v1/?sig=secret")));

        Assert.That(error, Does.Contain("HELODATA_BASE_URL 'http://api.example/v1/' must use https").And.Not.Contain("hunter2").And.Not.Contain("secret"));
    }

    [Test]
    public void Each_bad_setting_is_named_by_the_key_it_came_from_never_showing_the_key()
    {
        var error = StartFails(
            services => services.AddHeloReports(Section(("ApiKey", "hd_live_SECRET_5e4d\n"), ("BaseAddress", "v1/"), ("MaxRetryAttempts", "50"), ("AttemptTimeout", "02:00:00"))),
            Environment(("HELODATA_BASE_URL", "https://ignored.example/v1/")));

        Assert.That(error, Does.Contain("HeloReports:ApiKey contains white space")
            .And.Contain("HeloReports:BaseAddress must be an absolute URI")
            .And.Contain("HeloReports:MaxRetryAttempts is 50")
            .And.Contain("HeloReports:AttemptTimeout is 02:00:00")
            .And.Not.Contain("SECRET"));
    }

    [Test]
    public void A_key_from_the_environment_is_named_by_the_variable()
    {
        var error = StartFails(services => services.AddHeloReports(Section()), Environment(("HELODATA_API_KEY", "hd_live_SECRET_5e4d ")));

        Assert.That(error, Does.Contain("HELODATA_API_KEY contains white space").And.Not.Contain("SECRET"));
    }

    [Test]
    public void A_value_set_in_code_after_the_section_is_named_as_code()
    {
        var error = StartFails(
            services =>
            {
                services.AddHeloReports(Section(("ApiKey", SectionKey), ("MaxRetryAttempts", "2")));
                services.Configure<ReportsClientOptions>(o => o.MaxRetryAttempts = 99);
            },
            Environment());

        Assert.That(error, Does.Contain("ReportsClientOptions.MaxRetryAttempts is 99"));
    }

    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"HeloReports:{v.Key}", v.Value)))
            .Build()
            .GetSection("HeloReports");

    private static EnvironmentSource Environment(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value);

    private static ReportsClientOptions Resolve(IConfiguration section, EnvironmentSource environment)
    {
        using var provider = Provider(services => services.AddHeloReports(section), environment);
        return provider.GetRequiredService<IOptions<ReportsClientOptions>>().Value;
    }

    private static string StartFails(Action<IServiceCollection> register, EnvironmentSource environment)
    {
        using var provider = Provider(register, environment);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!.Message;
    }

    private static ServiceProvider Provider(Action<IServiceCollection> register, EnvironmentSource environment)
    {
        var services = new ServiceCollection();
        register(services);
        services.AddSingleton(environment); // the process's environment stays out of the test
        return services.BuildServiceProvider();
    }
}
