using HeloData.Reports.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// The run faults of <see cref="SandboxFaults"/>: runs kept out of <c>recent_runs</c> (found only from the
/// schedule) and runs that fail, by rule or by a seeded fraction.
/// </summary>
public sealed class RunFaultsTests : FakeClockSandboxTests
{
    private const string Daily = """{"name":"daily","type":"traffic","format":"csv","schedule":"0 6 * * *"}""";

    [Test]
    public async Task A_rule_hides_exactly_the_runs_it_picks_from_recent_runs_and_they_still_read_by_id()
    {
        var seen = 0;
        Sandbox.Faults.HideRuns(run => run.Scheduled && ++seen % 6 == 0);
        await Http.CreateAsync(Daily);

        Time.Advance(TimeSpan.FromDays(30));

        var hidden = Sandbox.Runs.Where(r => r.Hidden).ToList();
        Assert.That(hidden.Select(r => r.To.Day), Is.EqualTo(new[] { 6, 12, 18, 24, 30 }), "the 6th, 12th, ... of the 30 runs");
        var listed = (await Http.GetAsync("reports")).Body!["recent_runs"]!.AsArray().Select(r => (string)r!["run_id"]!).ToList();
        Assert.That(listed, Has.Count.EqualTo(10));
        Assert.That(listed, Has.None.AnyOf(hidden.Select(r => r.RunId).ToArray()), "the newest run is hidden, and the list shows the 10 before it");
        foreach (var run in hidden)
        {
            var (status, body, _) = await Http.GetAsync($"reports/runs/{run.RunId}");
            Assert.That((status, (string)body!["status"]!), Is.EqualTo((200, "completed")));
        }
    }

    [Test]
    public async Task A_fraction_hides_scheduled_runs_by_the_seed_the_same_way_every_time_and_never_on_demand_ones()
    {
        Sandbox.Faults.HideRuns(0.3);
        var id = await Http.CreateAsync(Daily);
        await Http.PostAsync($"reports/{id}/run", "{}");
        Time.Advance(TimeSpan.FromDays(60));
        var again = await HiddenWithFreshSandboxAsync(0.3);

        var runs = Sandbox.Runs;
        var hidden = runs.Where(r => r.Hidden).Select(r => r.RunId).ToList();
        Assert.That(hidden, Has.Count.InRange(8, 30), "about 18 of 60");
        Assert.That(runs.Where(r => !r.Scheduled).Select(r => r.Hidden), Is.All.False);
        Assert.That(again, Is.EqualTo(hidden));
    }

    [Test]
    public async Task A_fraction_fails_scheduled_runs_with_an_error_after_the_timeline()
    {
        Sandbox.Faults.FailRuns(1);
        var id = await Http.CreateAsync(Daily);
        var onDemand = (string)(await Http.PostAsync($"reports/{id}/run", "{}")).Body!["run_id"]!;
        Time.Advance(TimeSpan.FromDays(1));
        var scheduled = Sandbox.Runs.Single(r => r.Scheduled);

        var run = (await Http.GetAsync($"reports/runs/{scheduled.RunId}")).Body!;

        Assert.That((string)run["status"]!, Is.EqualTo("failed"));
        Assert.That((string)run["error"]!["code"]!, Is.EqualTo("internal_error"));
        Assert.That(run["download_url"], Is.Null);
        Assert.That((string)(await Http.GetAsync($"reports/runs/{onDemand}")).Body!["status"]!, Is.EqualTo("completed"));
        Assert.That((scheduled.Status, scheduled.ErrorCode, scheduled.CompletedAt - scheduled.CreatedAt), Is.EqualTo(("failed", "internal_error", RunTimeline.Default.Duration)));
    }

    [Test]
    public async Task A_rule_fails_on_demand_runs_too_and_Reset_ends_every_run_fault()
    {
        Sandbox.Faults.FailRuns(run => !run.Scheduled);
        Sandbox.Faults.HideRuns(_ => true);
        var id = await Http.CreateAsync(ReportBodies.OnDemand());
        await Http.PostAsync($"reports/{id}/run", "{}");

        Sandbox.Faults.Reset();
        await Http.PostAsync($"reports/{id}/run", "{}");
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(Sandbox.Runs.Select(r => (r.Status, r.Hidden)), Is.EqualTo(new[] { ("failed", true), ("completed", false) }));
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void A_fraction_outside_0_to_1_is_refused(double fraction)
    {
        Assert.That(() => Sandbox.Faults.HideRuns(fraction), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("fraction"));
        Assert.That(() => Sandbox.Faults.FailRuns(fraction), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("fraction"));
    }

    private static async Task<List<string>> HiddenWithFreshSandboxAsync(double fraction)
    {
        var time = new FakeTimeProvider(Start);
        using var sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = time });
        using var http = new SandboxHttp(sandbox);
        sandbox.Faults.HideRuns(fraction);
        var id = await http.CreateAsync(Daily);
        await http.PostAsync($"reports/{id}/run", "{}");
        time.Advance(TimeSpan.FromDays(60));
        return sandbox.Runs.Where(r => r.Hidden).Select(r => r.RunId).ToList();
    }
}
