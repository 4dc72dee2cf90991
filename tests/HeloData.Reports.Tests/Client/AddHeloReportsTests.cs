using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Tests.Client;

/// <summary><c>AddHeloReports</c>: registration, configuration binding and validation at start.</summary>
public sealed class AddHeloReportsTests
{
    [Test]
    public void The_container_resolves_one_shared_client_behind_the_interface()
    {
        using var provider = Build(services => services.AddHeloReports(o => o.ApiKey = "key"));

        var client = provider.GetRequiredService<IReportsClient>();

        Assert.That(client, Is.TypeOf<ReportsClient>());
        Assert.That(provider.GetRequiredService<IReportsClient>(), Is.SameAs(client));
    }

    [Test]
    public void Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HeloReports:ApiKey"] = "from-config",
            ["HeloReports:BaseAddress"] = "http://localhost:5000/v1/",
            ["HeloReports:MaxRetryAttempts"] = "5",
            ["HeloReports:AttemptTimeout"] = "00:00:10",
            ["HeloReports:MaxRetryAfter"] = "00:00:30",
            ["HeloReports:DownloadIdleTimeout"] = "00:02:00",
        }).Build();
        using var provider = Build(services => services.AddHeloReports(configuration.GetSection("HeloReports")));

        var options = provider.GetRequiredService<IOptions<ReportsClientOptions>>().Value;

        Assert.That(options.ApiKey, Is.EqualTo("from-config"));
        Assert.That(options.BaseAddress, Is.EqualTo(new Uri("http://localhost:5000/v1/")));
        Assert.That(options.MaxRetryAttempts, Is.EqualTo(5));
        Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(options.MaxRetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(options.DownloadIdleTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(options.TotalTimeout, Is.EqualTo(TimeSpan.FromMinutes(3)), "unset values keep their defaults");
    }

    [Test]
    public void A_missing_api_key_fails_at_start_naming_the_setting()
    {
        using var provider = Build(services => services.AddHeloReports(_ => { }).Services.AddSingleton(new EnvironmentSource(_ => null)));

        var error = Assert.Throws<OptionsValidationException>(() => StartHost(provider));

        Assert.That(error!.Message, Does.Contain("No API key: set ReportsClientOptions.ApiKey or the HELODATA_API_KEY environment variable"));
    }

    [Test]
    public void A_key_read_with_its_trailing_newline_fails_at_start_naming_the_setting_never_the_key()
    {
        // As from File.ReadAllText on a secret file: every call would fail as a "transient" connection error.
        using var provider = Build(services => services.AddHeloReports(o => o.ApiKey = "hd_live_SECRET_7f3a\n"));

        var error = Assert.Throws<OptionsValidationException>(() => StartHost(provider));

        Assert.That(error!.Message, Does.Contain("ReportsClientOptions.ApiKey contains white space"));
        Assert.That(error.ToString(), Does.Not.Contain("SECRET"));
    }

    [Test]
    public void A_plain_http_base_address_that_is_not_loopback_fails_at_start()
    {
        using var provider = Build(services => services.AddHeloReports(o =>
        {
            o.ApiKey = "key";
            o.BaseAddress = new Uri("http://api.helodata.com/v1/");
        }));

        var error = Assert.Throws<OptionsValidationException>(() => StartHost(provider));

        Assert.That(error!.Message, Does.Contain("ReportsClientOptions.BaseAddress").And.Contain("https").And.Contain("loopback"));
    }

    [TestCase("http://localhost:8080/v1/")]
    [TestCase("http://127.0.0.1:8080/v1/")]
    [TestCase("http://[::1]:8080/v1/")]
    [TestCase("https://staging.helodata.com/v1/")]
    public void Https_or_loopback_http_base_addresses_are_accepted(string address)
    {
        using var provider = Build(services => services.AddHeloReports(o =>
        {
            o.ApiKey = "key";
            o.BaseAddress = new Uri(address);
        }));

        Assert.That(() => StartHost(provider), Throws.Nothing);
    }

    [Test]
    public void An_attempt_timeout_above_the_total_timeout_fails_at_start_naming_both()
    {
        using var provider = Build(services => services.AddHeloReports(o =>
        {
            o.ApiKey = "key";
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.TotalTimeout = TimeSpan.FromMinutes(1);
        }));

        var error = Assert.Throws<OptionsValidationException>(() => StartHost(provider));

        Assert.That(error!.Message, Does.Contain("AttemptTimeout").And.Contain("TotalTimeout"));
    }

    [Test]
    public void Out_of_range_retry_settings_fail_at_start()
    {
        using var provider = Build(services => services.AddHeloReports(o =>
        {
            o.ApiKey = "key";
            o.MaxRetryAttempts = 50;
            o.MaxRetryAfter = TimeSpan.FromHours(5);
        }));

        var error = Assert.Throws<OptionsValidationException>(() => StartHost(provider));

        Assert.That(error!.Message, Does.Contain("MaxRetryAttempts").And.Contain("MaxRetryAfter"));
    }

    [Test]
    public void The_returned_builder_lets_the_application_add_its_own_handler()
    {
        var seen = new List<string>();
        using var harness = new HandlerHarness(seen);

        Assert.That(harness.Builder.Name, Is.EqualTo("HeloData.Reports"));
        Assert.That(() => harness.Call(), Throws.InstanceOf<Exception>());
        Assert.That(seen, Is.EqualTo(new[] { "GET /v1/reports/runs/run_1" }));
    }

    [Test]
    public async Task Registering_twice_adds_no_handler_twice()
    {
        using var harness = new ClientHarness(configureServices: services => services.AddHeloReports());
        harness.Respond(ClientHarness.Json(200, ContractDocuments.ContractRun));

        await harness.Client.GetRunAsync("run_1");

        var services = new ServiceCollection();
        services.AddHeloReports(o => o.ApiKey = "key");
        services.AddHeloReports(o => o.ApiKey = "key");
        Assert.That(services.Count(d => d.ServiceType == typeof(IReportsClient)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(ReportsTransport)), Is.EqualTo(1));
        Assert.That(harness.Logs.Entries.Count(e => e.EventId.Name == "HttpAnswered"), Is.EqualTo(1), "a second logging handler would log twice");
    }

    [Test]
    public void Options_ToString_hides_the_api_key()
    {
        var options = new ReportsClientOptions { ApiKey = ClientHarness.ApiKey };

        Assert.That(options.ToString(), Does.Not.Contain(ClientHarness.ApiKey).And.Contain("***"));
    }

    [Test]
    public void Options_ToString_prints_the_address_without_user_info_or_query()
    {
        var withCredentials = new ReportsClientOptions { BaseAddress = new Uri("https://user:hunter2@api.example/v1/?sig=secret") };
        var relative = new ReportsClientOptions { BaseAddress = new Uri("//user:hunter2@api.example/v1/", UriKind.Relative) };

        Assert.That(withCredentials.ToString(), Does.StartWith("BaseAddress=https://api.example/v1/,").And.Not.Contain("hunter2").And.Not.Contain("secret"));
        Assert.That(relative.ToString(), Does.Contain("BaseAddress=(not an absolute URI)").And.Not.Contain("hunter2"));
    }

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider();
    }

    // What the generic host does at start for ValidateOnStart.
    private static void StartHost(IServiceProvider provider) =>
        provider.GetRequiredService<IStartupValidator>().Validate();

    private sealed class HandlerHarness : IDisposable
    {
        private readonly ServiceProvider _provider;

        public HandlerHarness(List<string> seen)
        {
            var services = new ServiceCollection();
            Builder = services.AddHeloReports(o =>
            {
                o.ApiKey = "key";
                o.BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/v1/");
                o.MaxRetryAttempts = 0;
            });
            Builder.AddHttpMessageHandler(() => new RecordingHandler(seen));
            _provider = services.BuildServiceProvider();
        }

        public IHttpClientBuilder Builder { get; }

        public void Call() => _provider.GetRequiredService<IReportsClient>().GetRunAsync("run_1").GetAwaiter().GetResult();

        public void Dispose() => _provider.Dispose();
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
