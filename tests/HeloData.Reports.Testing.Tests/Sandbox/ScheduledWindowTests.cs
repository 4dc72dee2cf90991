using HeloData.Reports.Testing.Tests.Support;
using ArtifactGenerator = HeloData.Reports.Testing.Artifacts.ArtifactGenerator;
using ArtifactRequest = HeloData.Reports.Testing.Artifacts.ArtifactRequest;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// The window of a scheduled run (the core's <c>ScheduleWindows.OfOccurrence</c>, which the sandbox makes its runs
/// with and the collector judges them by; its cases are in the collector's <c>ScheduleWindowsTests</c>): from the
/// previous occurrence's date, however far back, never cut short, and generated whole.
/// </summary>
public sealed class ScheduledWindowTests : FakeClockSandboxTests
{
    [Test]
    public async Task A_schedule_eight_years_apart_gets_its_whole_window_from_the_previous_occurrence()
    {
        await Http.CreateAsync("""{"name":"leap","type":"traffic","format":"csv","schedule":"0 0 29 2 *"}""");

        Time.Advance(new DateTimeOffset(2104, 3, 1, 0, 0, 0, TimeSpan.Zero) - Time.GetUtcNow());

        var last = Sandbox.Runs[^1];
        Assert.That((last.From, last.To), Is.EqualTo((new DateOnly(2096, 2, 29), new DateOnly(2104, 2, 28))), "2100 is no leap year");
        Assert.That(Sandbox.Runs.Select(run => run.To.AddDays(1)), Has.All.Matches<DateOnly>(day => day is { Month: 2, Day: 29 }));
    }

    [Test]
    public void The_longest_scheduled_window_is_generated_whole()
    {
        var table = ArtifactGenerator.Rows(new ArtifactRequest("run_leap", "traffic", "csv", new DateOnly(2096, 2, 29), new DateOnly(2104, 2, 28), [], Seed: 1));

        Assert.That(table.Rows.Select(row => row[0]).Distinct().Count(), Is.EqualTo(2921), "a row set for every day");
    }
}
