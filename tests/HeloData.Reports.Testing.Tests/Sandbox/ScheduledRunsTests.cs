using HeloData.Reports.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// The sandbox plays the service's scheduler (the contract's "Scheduled runs"): a run at each
/// occurrence, on the sandbox's clock, with the contract's window, listed and pushed like any run.
/// </summary>
public sealed class ScheduledRunsTests : FakeClockSandboxTests
{
    [Test]
    public async Task Thirty_days_in_one_step_make_thirty_daily_runs_each_created_at_its_occurrence_covering_the_day_before()
    {
        var id = await Http.CreateAsync(Scheduled("0 6 * * *"));

        Time.Advance(TimeSpan.FromDays(30));

        var runs = Sandbox.Runs;
        Assert.That(runs, Has.Count.EqualTo(30));
        Assert.That(runs.Select(run => (run.ReportId, run.Scheduled, run.Hidden, run.Status)), Is.All.EqualTo((id, true, false, "completed")));
        var days = Enumerable.Range(1, 30).Select(day => new DateOnly(2026, 6, 1).AddDays(day)).ToList();
        Assert.That(runs.Select(run => run.CreatedAt), Is.EqualTo(days.Select(day => new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero))));
        Assert.That(runs.Select(run => (run.From, run.To)), Is.EqualTo(days.Select(day => (day.AddDays(-1), day.AddDays(-1)))));
        Assert.That(runs.Select(run => run.CompletedAt - run.CreatedAt), Is.All.EqualTo(RunTimeline.Default.Duration), "each follows the run timeline from its occurrence");
        Assert.That(runs.Select(run => run.RunId).Distinct().Count(), Is.EqualTo(30));
    }

    [Test]
    public async Task A_scheduled_run_reads_by_id_with_its_created_at_and_shows_in_recent_runs()
    {
        await Http.CreateAsync(Scheduled("0 8 * * *"));
        Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var run = Sandbox.Runs.Single();

        var (status, body, _) = await Http.GetAsync($"reports/runs/{run.RunId}");
        var listed = (await Http.GetAsync("reports")).Body!["recent_runs"]!.AsArray();

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string)body!["status"]!, Is.EqualTo("running"), "created at 08:00, so one second of the timeline passed since");
        Assert.That((string)body["created_at"]!, Is.EqualTo("2026-06-02T08:00:00Z"));
        Assert.That(((string)body["from"]!, (string)body["to"]!), Is.EqualTo(("2026-06-01", "2026-06-01")));
        Assert.That(listed.Select(r => (string)r!["run_id"]!), Is.EqualTo(new[] { run.RunId }));
    }

    [Test]
    public async Task The_contracts_weekly_example_covers_the_week_before_even_for_the_first_run_after_creation()
    {
        Time.Advance(TimeSpan.FromDays(4)); // Friday 2026-06-05: the previous Monday predates the report
        await Http.CreateAsync(Scheduled("0 9 * * MON"));

        Time.SetUtcNow(new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero));

        var run = Sandbox.Runs.Single();
        Assert.That(run.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 6, 8, 9, 0, 0, TimeSpan.Zero)));
        Assert.That((run.From, run.To), Is.EqualTo((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7))));
    }

    [Test]
    public async Task Several_occurrences_on_one_day_all_cover_the_previous_day()
    {
        await Http.CreateAsync(Scheduled("0 * * * *"));

        Time.SetUtcNow(new DateTimeOffset(2026, 6, 2, 2, 30, 0, TimeSpan.Zero));

        var runs = Sandbox.Runs;
        Assert.That(runs, Has.Count.EqualTo(18), "09:00 to 23:00, then 00:00 to 02:00");
        Assert.That(runs.Where(r => r.CreatedAt.Day == 1).Select(r => (r.From, r.To)), Is.All.EqualTo((new DateOnly(2026, 5, 31), new DateOnly(2026, 5, 31))));
        Assert.That(runs.Where(r => r.CreatedAt.Day == 2).Select(r => (r.From, r.To)), Is.All.EqualTo((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1))));
    }

    [Test]
    public async Task Removing_the_schedule_or_deleting_the_report_stops_it_and_the_runs_due_before_stay()
    {
        var unscheduled = await Http.CreateAsync(Scheduled("0 6 * * *"));
        var deleted = await Http.CreateAsync(Scheduled("0 6 * * *"));
        Time.Advance(TimeSpan.FromDays(1));

        await Http.PatchAsync($"reports/{unscheduled}", """{"schedule":null}""");
        await Http.SendAsync(HttpMethod.Delete, $"reports/{deleted}");
        Time.Advance(TimeSpan.FromDays(5));

        Assert.That(Sandbox.Runs.Select(r => r.ReportId), Is.EquivalentTo(new[] { unscheduled, deleted }));
    }

    [Test]
    public async Task A_schedule_set_by_patch_fires_from_then_on()
    {
        var id = await Http.CreateAsync(ReportBodies.OnDemand());
        Time.Advance(TimeSpan.FromDays(3));
        await Http.PatchAsync($"reports/{id}", """{"schedule":"0 6 * * *"}""");

        Time.Advance(TimeSpan.FromDays(2));

        Assert.That(Sandbox.Runs.Select(r => r.CreatedAt), Is.EqualTo(new[] { At(5, 6), At(6, 6) }));
        Assert.That((Sandbox.Runs[0].From, Sandbox.Runs[0].To), Is.EqualTo((new DateOnly(2026, 6, 4), new DateOnly(2026, 6, 4))));
    }

    [Test]
    public async Task The_clock_alone_makes_scheduled_runs_and_their_webhook_pushes_with_no_request()
    {
        await Http.CreateAsync(Scheduled("0 6 * * *", """{"type":"webhook","url":"https://hooks.example.com/helodata","signing_secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}"""));
        var created = new List<SandboxRun>();
        Sandbox.RunCreated += (_, run) => created.Add(run);
        Sandbox.ClearRequests();

        Time.Advance(TimeSpan.FromDays(3));

        Assert.That(Sandbox.Requests, Is.Empty);
        Assert.That(created.Select(r => r.CreatedAt), Is.EqualTo(new[] { At(2, 6), At(3, 6), At(4, 6) }));
        Assert.That(Sandbox.WebhookDeliveries.Select(d => d.RunId), Is.EqualTo(created.Select(r => r.RunId)));
    }

    [Test]
    public async Task A_RunCreated_handler_that_throws_on_the_timer_loses_its_call_and_the_schedule_goes_on()
    {
        await Http.CreateAsync(Scheduled("0 6 * * *"));
        var calls = 0;
        Sandbox.RunCreated += (_, _) => throw new InvalidOperationException($"handler failed ({++calls})");

        Assert.That(() => Time.Advance(TimeSpan.FromDays(3)), Throws.Nothing);

        Assert.That(calls, Is.EqualTo(3));
        Assert.That(Sandbox.Runs, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task The_same_seed_and_steps_make_the_same_run_ids()
    {
        var first = await ScheduledRunIdsAsync(Sandbox, Http, Time);
        var time = new FakeTimeProvider(Start);
        using var again = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = time });
        using var http = new SandboxHttp(again);

        Assert.That(await ScheduledRunIdsAsync(again, http, time), Is.EqualTo(first));
    }

    private static async Task<IEnumerable<string>> ScheduledRunIdsAsync(ReportsSandbox sandbox, SandboxHttp http, FakeTimeProvider time)
    {
        await http.CreateAsync(Scheduled("0 6 * * *"));
        await http.CreateAsync(Scheduled("0 6 * * *"));
        time.Advance(TimeSpan.FromDays(3));
        return sandbox.Runs.Select(r => r.RunId);
    }

    private static DateTimeOffset At(int day, int hour) => new(2026, 6, day, hour, 0, 0, TimeSpan.Zero);

    private static string Scheduled(string cron, string? destination = null) =>
        $$"""{"name":"scheduled","type":"traffic","format":"csv","schedule":"{{cron}}"{{(destination is null ? "" : $",\"destination\":{destination}")}}}""";
}
