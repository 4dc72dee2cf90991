using HeloData.Reports.Cli.Collect;
using HeloData.Reports.Cli.Sandbox;
using HeloData.Reports.Cli.Tests.Support;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary>
/// <c>collect --time-scale N --time-origin INSTANT</c>: the collector reads the time-scaled sandbox's clock, so it
/// judges the sandbox's schedule as the sandbox keeps it; on its own clock it would see none of it come due.
/// Both run in-process on one fake clock, so nothing waits for real time.
/// </summary>
public sealed class CollectTimeScaleTests
{
    private const string Scale = "86400";
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 30, TimeSpan.Zero);

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-collect-scale-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [TestCase(true, 3)]
    [TestCase(false, 0)]
    public async Task On_the_sandboxs_clock_every_hidden_daily_run_is_a_gap_backfilled_and_on_its_own_none_is_due(bool shareClock, int gaps)
    {
        var time = new FakeTimeProvider(Start);
        var origin = Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var sandbox = await SandboxCommandRun.StartAsync(["--time-scale", Scale, "--time-origin", origin, "--hide-runs", "1"], time);
        using (var client = new ReportsClient(new ReportsClientOptions { ApiKey = sandbox.Environment["HELODATA_API_KEY"], BaseAddress = new Uri(sandbox.Environment["HELODATA_BASE_URL"]) }))
        {
            await client.CreateReportAsync(new NewReport("daily", ReportType.Traffic, ReportFormat.Csv) { Schedule = "0 0 * * *" });
        }

        // Four sandbox days: the occurrences of June 2, 3 and 4 are past the grace period, each run hidden from every list.
        time.Advance(TimeSpan.FromSeconds(3.5));
        string[] clock = shareClock ? ["--time-scale", Scale, "--time-origin", origin] : [];
        var result = await CliHarness.RunAsync(
            sandbox.Environment,
            ["collect", "--once", "--json", "--backfill", "--out", Path.Combine(_folder, "out"), "--state", $"sqlite:{Path.Combine(_folder, "state.db")}", "--grace-period", "6h", .. clock],
            time: time);
        await sandbox.StopAsync();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Json["gaps_found"]!.GetValue<int>(), Is.EqualTo(gaps), result.ToString());
        Assert.That(result.Json["backfills_requested"]!.GetValue<int>(), Is.EqualTo(gaps), result.ToString());
    }

    [Test]
    public void Collects_services_run_the_collector_on_the_scaled_clock()
    {
        var scaled = new ScaledTimeProvider(new FakeTimeProvider(Start), 3600, Start);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _ => null, ErrorIsTerminal: false, new FakeTimeProvider(Start));
        var settings = new CollectSettings
        {
            Client = new ReportsClientOptions { ApiKey = "sk_test_services", BaseAddress = new Uri("http://127.0.0.1:9/") },
            OutDirectory = _folder,
            SqliteState = Path.Combine(_folder, "state.db"),
            Clock = scaled,
        };

        using var services = CollectorServices.Build(context, settings);

        Assert.That(services.GetRequiredService<TimeProvider>(), Is.SameAs(scaled));
        Assert.That(services.GetRequiredService<IReportsClient>(), Is.Not.Null, "the client, from its own container on the real clock");
    }
}
