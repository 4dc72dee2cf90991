using HeloData.Reports.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// The sandbox, standing in for the service, answers <c>422 invalid_cron</c> for what the contract
/// rules out of a schedule, over raw HTTP so the SDK's own check is not in between.
/// </summary>
public sealed class SandboxCronTests
{
    private ReportsSandbox _sandbox = null!;
    private SandboxHttp _http = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = ReportsSandbox.Start();
        _http = new SandboxHttp(_sandbox);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    [TestCase("0 0 L * *", "'L' is not standard cron")]
    [TestCase("0 0 15W * *", "'15W' is not standard cron")]
    [TestCase("0 0 LW * *", "'LW' is not standard cron")]
    [TestCase("0 0 * * 5#3", "'5#3' is not standard cron")]
    [TestCase("0 0 * * 5L", "'5L' is not standard cron")]
    [TestCase("0 0 ? * MON", "'?' is not standard cron")]
    [TestCase("H 9 * * MON", "'H' is not standard cron")]
    [TestCase("0 0 9 * * MON", "is not a valid 5-field cron expression")]
    [TestCase("@daily", "a macro is not standard cron")]
    [TestCase("@every_minute", "a macro is not standard cron")]
    [TestCase("0 0 30 2 *", "never fires: day 30 never occurs in February.")]
    [TestCase("0 0 31 2,4,6 *", "never fires: day 31 never occurs in February, April or June.")]
    [TestCase("0 9 * * Hxx", "'Hxx' is not standard cron", Description = "Cronos reads an H as a hash, and throws a non-format exception without a seed")]
    [TestCase("HHH 9 * * *", "'HHH' is not standard cron")]
    [TestCase("0 9 * Hxx *", "'Hxx' is not standard cron")]
    [TestCase("٣ 9 * * *", "is not standard cron", Description = "an Arabic-Indic digit")]
    [TestCase("0 9 * * *", "is not a valid 5-field cron expression", Description = "a no-break space between fields")]
    [TestCase("*/0 * * * *", "Minutes: Value must be a number between 1 and 59")]
    [TestCase("99999999999999999999 9 * * *", "Minutes: Value must be a number between 0 and 59")]
    [TestCase("0 0 * 13 *", "Months: Value must be a number between 1 and 12")]
    public async Task A_schedule_outside_standard_cron_or_that_never_fires_is_invalid_cron(string schedule, string message)
    {
        var (status, body, _) = await _http.PostAsync("reports", ReportBodies.WeeklyTraffic.Replace("0 9 * * MON", schedule));

        Assert.That(status, Is.EqualTo(422), body?.ToJsonString());
        Assert.That((string)body!["error"]!["code"]!, Is.EqualTo("invalid_cron"));
        Assert.That((string)body["error"]!["message"]!, Does.StartWith($"schedule '{schedule}'").And.Contain(message));
    }

    [TestCase("0 0 1 JUL *")]
    [TestCase("0 0 * * wed")]
    [TestCase("0 0 29 2 *")]
    [TestCase("0 0 30 2 MON", Description = "standard cron's OR: every Monday in February")]
    [TestCase("0\t0\t30\t2\tMON", Description = "the same, separated by tabs")]
    public async Task Standard_cron_that_fires_is_accepted(string schedule)
    {
        var (status, body, _) = await _http.PostAsync("reports", ReportBodies.WeeklyTraffic.Replace("0 9 * * MON", schedule.Replace("\t", "\\t", StringComparison.Ordinal)));

        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        Assert.That(body!["next_run_at"], Is.Not.Null);
    }

    [Test]
    public async Task Both_day_fields_restricted_fire_on_either_as_in_standard_cron()
    {
        // 2026-05-01 is a Friday: the next run is Friday 8th, before Wednesday 13th.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = time });
        using var http = new SandboxHttp(sandbox);

        var (status, body, _) = await http.PostAsync("reports", ReportBodies.WeeklyTraffic.Replace("0 9 * * MON", "0 0 13 * FRI"));

        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        Assert.That((string)body!["next_run_at"]!, Is.EqualTo("2026-05-08T00:00:00Z"));
    }

    [Test]
    public async Task An_update_to_a_schedule_that_never_fires_is_invalid_cron()
    {
        var id = await _http.CreateAsync();

        var (status, body, _) = await _http.PatchAsync($"reports/{id}", """{"schedule":"0 0 31 4 *"}""");

        Assert.That(status, Is.EqualTo(422));
        Assert.That((string)body!["error"]!["code"]!, Is.EqualTo("invalid_cron"));
    }
}
