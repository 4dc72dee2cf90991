using System.Text.Json.Nodes;
using HeloData.Reports.Testing.Tests.Support;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>
/// The contract's <c>recent_runs</c>: the newest runs of the reports on the page, newest first, at most
/// 10 per report, within retention, without a download URL; over raw HTTP.
/// </summary>
public sealed class RecentRunsTests : FakeClockSandboxTests
{
    [Test]
    public async Task Each_report_on_the_page_shows_its_10_newest_runs_however_many_the_others_have()
    {
        var busy = await Http.CreateAsync(ReportBodies.OnDemand(name: "busy"));
        var quiet = await Http.CreateAsync(ReportBodies.OnDemand(name: "quiet"));
        var quietRuns = new List<string> { await RunAsync(quiet) };
        var busyRuns = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            busyRuns.Add(await RunAsync(busy));
        }

        var recent = await RecentAsync("reports");

        Assert.That(recent.Where(r => (string)r["report_id"]! == busy).Select(Id), Is.EqualTo(busyRuns.AsEnumerable().Reverse().Take(10)));
        Assert.That(recent.Where(r => (string)r["report_id"]! == quiet).Select(Id), Is.EqualTo(quietRuns), "the busy report's runs do not push the quiet one's out");
        Assert.That(recent.Select(r => (string)r["created_at"]!), Is.Ordered.Descending, "newest first");
        Assert.That(recent.Select(r => r["download_url"]), Is.All.Null);
    }

    [Test]
    public async Task Only_the_runs_of_the_reports_on_this_page_are_listed()
    {
        var first = await Http.CreateAsync(ReportBodies.OnDemand(name: "first"));
        var second = await Http.CreateAsync(ReportBodies.OnDemand(name: "second"));
        var firstRun = await RunAsync(first);
        var secondRun = await RunAsync(second);
        var page = (await Http.GetAsync("reports?limit=1")).Body!;

        var next = await RecentAsync($"reports?limit=1&cursor={(string)page["next_cursor"]!}");

        Assert.That(page["recent_runs"]!.AsArray().Select(Id), Is.EqualTo(new[] { firstRun }));
        Assert.That(next.Select(Id), Is.EqualTo(new[] { secondRun }));
    }

    [Test]
    public async Task Runs_past_retention_leave_the_list_and_newer_ones_stay()
    {
        var id = await Http.CreateAsync(ReportBodies.OnDemand());
        var old = await RunAsync(id);
        Time.Advance(TimeSpan.FromDays(60));
        var newer = await RunAsync(id);

        Time.Advance(TimeSpan.FromDays(31));

        Assert.That((await RecentAsync("reports")).Select(Id), Is.EqualTo(new[] { newer }));
        Assert.That((await Http.GetAsync($"reports/runs/{old}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task A_deleted_reports_runs_are_not_listed_but_are_read_by_id()
    {
        var id = await Http.CreateAsync(ReportBodies.OnDemand());
        var run = await RunAsync(id);

        await Http.SendAsync(HttpMethod.Delete, $"reports/{id}");

        Assert.That(await RecentAsync("reports"), Is.Empty);
        Assert.That((await Http.GetAsync($"reports/runs/{run}")).Status, Is.EqualTo(200));
    }

    private protected override ReportsSandboxOptions Options() => new() { RunTimeline = RunTimeline.Instant };

    private static string Id(JsonNode? run) => (string)run!["run_id"]!;

    private async Task<string> RunAsync(string reportId)
    {
        var run = Id((await Http.PostAsync($"reports/{reportId}/run", "{}")).Body);
        Time.Advance(TimeSpan.FromSeconds(1)); // distinct created_at, so "newest" is unambiguous
        return run;
    }

    private async Task<List<JsonNode>> RecentAsync(string path) =>
        [.. (await Http.GetAsync(path)).Body!["recent_runs"]!.AsArray().Select(r => r!)];
}
