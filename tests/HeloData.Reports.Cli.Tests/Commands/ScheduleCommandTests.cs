using HeloData.Reports.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Cli.Tests.Commands;

/// <summary><c>schedule next</c>: offline, on the SDK's <see cref="ReportSchedule"/>, from a fixed clock.</summary>
public sealed class ScheduleCommandTests
{
    // A Monday, 08:00 UTC: the first "0 9 * * MON" is an hour later.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static Task<CliResult> RunAsync(params string[] args) =>
        CliHarness.RunAsync(new Dictionary<string, string>(), args, time: Clock);

    [Test]
    public async Task Prints_the_next_occurrences_in_UTC_with_no_key_and_no_service()
    {
        var result = await RunAsync("schedule", "next", "0 9 * * MON", "--count", "3");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "Mon 2026-11-30 09:00 UTC",
            "Mon 2026-12-07 09:00 UTC",
            "Mon 2026-12-14 09:00 UTC",
        }));
    }

    [Test]
    public async Task Shows_the_same_instants_in_a_time_zone()
    {
        var result = await RunAsync("schedule", "next", "0 9 * * MON", "--count", "1", "--time-zone", "Europe/Berlin");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out.Trim(), Is.EqualTo("Mon 2026-11-30 10:00 +01:00"));
    }

    [Test]
    public async Task Prints_five_by_default_and_with_json_an_array_of_RFC_3339_timestamps()
    {
        var plain = await RunAsync("schedule", "next", "*/15 * * * *");
        var json = await RunAsync("schedule", "next", "0 6 * * 1", "--count", "2", "--json");

        Assert.That(plain.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5));
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        Assert.That(json.Json.AsArray().Select(t => DateTimeOffset.Parse(t!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 14, 6, 0, 0, TimeSpan.Zero),
        }));
    }

    [TestCase("0 9 * * MON L")]
    [TestCase("0 9 ? * MON")]
    [TestCase("@daily")]
    [TestCase("0 0 31 4,6 *")]
    [TestCase(" 0 9 * * MON")]
    public async Task Refuses_what_the_SDK_refuses_with_the_SDKs_reason(string cron)
    {
        var result = await RunAsync("schedule", "next", cron);
        ReportSchedule.TryParse(cron, out _, out var reason);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(reason, Is.Not.Null);
        Assert.That(result.Error, Does.Contain(reason!));
    }
}
