using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace HeloData.Reports.Tests.Configuration;

/// <summary>
/// Only <c>AddHeloReports</c> falls back to <c>HELODATA_API_KEY</c> / <c>HELODATA_BASE_URL</c>: a client
/// built in code uses what it is given, so a variable left over in a shell cannot send its key elsewhere.
/// These set the process's own variables (restored after each test), so nothing else runs beside them.
/// </summary>
[NonParallelizable]
public sealed class StandaloneEnvironmentTests
{
    private const string Key = "hd_live_SECRET_standalone_4c3b";
    private string? _savedKey;
    private string? _savedUrl;

    [SetUp]
    public void SaveEnvironment()
    {
        _savedKey = Environment.GetEnvironmentVariable(ReportsClientOptions.ApiKeyEnvironmentVariable);
        _savedUrl = Environment.GetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable);
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        Environment.SetEnvironmentVariable(ReportsClientOptions.ApiKeyEnvironmentVariable, _savedKey);
        Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, _savedUrl);
    }

    [Test]
    public async Task A_client_built_from_options_calls_the_given_address_whatever_HELODATA_BASE_URL_says()
    {
        using var elsewhere = WireMockServer.Start();
        using var given = WireMockServer.Start();
        given.Given(Request.Create().UsingAnyMethod()).RespondWith(ClientHarness.Json(200, ContractDocuments.ContractReport));
        Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, $"{elsewhere.Url}/v1/");

        using var client = new ReportsClient(new ReportsClientOptions { ApiKey = Key, BaseAddress = new Uri($"{given.Url}/v1/") });
        await client.GetReportAsync("rep_1");

        Assert.That(elsewhere.LogEntries, Is.Empty);
        Assert.That(given.LogEntries.Single().RequestMessage.Path, Is.EqualTo("/v1/reports/rep_1"));
    }

    [Test]
    public void A_client_built_from_a_key_keeps_the_default_address_and_ignores_a_malformed_variable()
    {
        Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, "http://user:hunter2@[bad");
        Assert.DoesNotThrow(() => new ReportsClient(Key).Dispose());

        Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, "http://127.0.0.1:9/v1/");
        using var services = StandaloneServices.Build(new ReportsClientOptions { ApiKey = Key }); // what new ReportsClient(key) builds
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ReportsClientDefaults.HttpClientName);

        Assert.That(services.GetRequiredService<IOptions<ReportsClientOptions>>().Value.BaseAddress, Is.EqualTo(new Uri(ReportsClientDefaults.BaseAddress)));
        Assert.That(http.BaseAddress, Is.EqualTo(new Uri(ReportsClientDefaults.BaseAddress)));
    }

    [Test]
    public void A_client_built_from_options_without_a_key_does_not_take_HELODATA_API_KEY_and_names_the_option_alone()
    {
        Environment.SetEnvironmentVariable(ReportsClientOptions.ApiKeyEnvironmentVariable, Key);

        var error = Assert.Throws<ArgumentException>(() => new ReportsClient(new ReportsClientOptions()));

        Assert.That(error!.Message, Does.Contain("No API key: set ReportsClientOptions.ApiKey").And.Not.Contain("HELODATA_API_KEY"));
        Assert.That(error.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void AddHeloReports_still_reads_the_process_environment()
    {
        Environment.SetEnvironmentVariable(ReportsClientOptions.ApiKeyEnvironmentVariable, Key);
        Environment.SetEnvironmentVariable(ReportsClientOptions.BaseAddressEnvironmentVariable, "http://127.0.0.1:9/v1/");
        var services = new ServiceCollection();
        services.AddHeloReports(_ => { });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ReportsClientOptions>>().Value;

        Assert.That((options.ApiKey, options.BaseAddress), Is.EqualTo((Key, new Uri("http://127.0.0.1:9/v1/"))));
    }
}
