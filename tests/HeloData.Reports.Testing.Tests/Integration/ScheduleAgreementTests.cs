using HeloData.Reports.Models;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Integration;

/// <summary>
/// The client's schedule preview (<see cref="ReportSchedule"/>) and the sandbox's <c>next_run_at</c>
/// are written separately; for the same schedule at the same instant they must name the same time.
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
}
