using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// The client's schedule check (<see cref="ReportSchedule"/>) and the sandbox's <c>invalid_cron</c>
/// are written separately; they must take the same schedules (the client never refuses what the
/// service would accept). The calendar both read (the SDK's <c>CronTimetable</c>, linked into the
/// sandbox) must reach the wire: the client's preview names the sandbox's <c>next_run_at</c>.
/// </summary>
public sealed class ScheduleAgreementTests
{
    [TestCase("0 9 * * MON")]
    [TestCase("30 4 1,15 * 5", Description = "POSIX's own example: the 1st and the 15th, plus every Friday")]
    [TestCase("0 9 13 * FRI")]
    [TestCase("0 0 */10 * MON-WED")]
    [TestCase("0 0 * * */2", Description = "a day-of-week step is still unrestricted-by-star: no OR")]
    [TestCase("15 */6 29 2 *")]
    public async Task The_client_preview_and_the_sandbox_agree_on_the_next_run(string schedule)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = time });
        using var client = sandbox.CreateClient();

        var report = await client.CreateReportAsync(new NewReport("scheduled", ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule });

        Assert.That(report.CreatedAt, Is.EqualTo(time.GetUtcNow()));
        Assert.That(report.NextRunAt, Is.Not.Null);
        Assert.That(report.NextRunAt, Is.EqualTo(ReportSchedule.Parse(schedule).GetNextOccurrence(time.GetUtcNow())));
    }

    [TestCase("0 9 * * MON")]
    [TestCase("*/5 * * * *")]
    [TestCase("0 0 1 JAN,JUL *")]
    [TestCase("0 0 30 2 MON")]
    [TestCase("0 0 30 2 *")]
    [TestCase("0 0 L * *")]
    [TestCase("0 0 ? * MON")]
    [TestCase("0 0 * * 5#3")]
    [TestCase("H 9 * * MON")]
    [TestCase("0 0 9 * * MON")]
    [TestCase("0 9 * * MON 2027")]
    [TestCase("@daily")]
    [TestCase("61 * * * *")]
    [TestCase("0 0 * * MON-SUNDAY")]
    [TestCase("0 9 * * Hxx")]
    [TestCase("\u0663 9 * * *")]
    [TestCase("0\u00a09 * * *")]
    [TestCase("*/0 * * * *")]
    [TestCase("0 0 29 2 *")]
    [TestCase("0 0 31 2 */7")]
    public async Task The_client_refuses_exactly_the_schedules_the_sandbox_refuses(string schedule)
    {
        using var sandbox = ReportsSandbox.Start();
        using var http = new SandboxHttp(sandbox);

        var (status, body, _) = await http.PostAsync("reports", ReportBodies.WeeklyTraffic.Replace("\"0 9 * * MON\"", JsonSerializer.Serialize(schedule), StringComparison.Ordinal));
        var clientTakes = ReportSchedule.TryParse(schedule, out _, out var error);

        Assert.That(status, Is.EqualTo(201).Or.EqualTo(422), body?.ToJsonString());
        Assert.That(clientTakes, Is.EqualTo(status == 201), $"client: {error ?? "accepted"}; sandbox: {status} {body?.ToJsonString()}");
    }
}
