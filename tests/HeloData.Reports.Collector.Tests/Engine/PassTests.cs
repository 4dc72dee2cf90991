using HeloData.Reports.Collector.Tests.Support;
using HeloData.Reports.Models;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>Passes against the sandbox: every completed run collected once, by one instance or two sharing a state.</summary>
public sealed class PassTests : SandboxFixture
{
    [Test]
    public async Task A_pass_collects_every_completed_run_once_and_a_second_pass_collects_nothing()
    {
        var traffic = await SandboxRuns.CreateReportAsync(Sandbox);
        var json = await SandboxRuns.CreateReportAsync(Sandbox, ReportFormat.Json, "second");
        var runs = (await SandboxRuns.RunAsync(Sandbox, traffic, 3)).Concat(await SandboxRuns.RunAsync(Sandbox, json, 2)).ToArray();
        var handler = new RecordingHandler();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler));

        var first = await collector.Collector.CollectOnceAsync();
        var second = await collector.Collector.CollectOnceAsync();

        Assert.That(first, Is.EqualTo(ReportsCollectorModelFactory.CollectionPass(reports: 2, collected: 5)));
        Assert.That(second, Is.EqualTo(ReportsCollectorModelFactory.CollectionPass(reports: 2, alreadyCollected: 5)));
        Assert.That(handler.RunIds, Is.EquivalentTo(runs.Select(r => r.RunId)), "each run handed over once");
        Assert.That(await collector.SettledAsync([.. runs.Select(r => r.RunId)]), Is.EquivalentTo(runs.Select(r => r.RunId)));
        using var client = Sandbox.CreateClient();
        foreach (var (run, content) in handler.Calls)
        {
            var original = runs.Single(r => r.RunId == run.RunId);
            using var expected = new MemoryStream();
            await client.DownloadAsync(original, expected);
            Assert.That(content, Is.EqualTo(expected.ToArray()), $"{run.RunId}'s content, as downloaded");
            Assert.That((run.ReportId, run.Window.From, run.Window.To, run.Attempt, run.MayHaveBeenHandled, run.Origin), Is.EqualTo((original.ReportId, original.From, original.To, 1, false, RunOrigin.Poll)));
            Assert.That((run.ReportType, run.Format), Is.EqualTo((ReportType.Traffic, run.ReportId == json.Id ? ReportFormat.Json : ReportFormat.Csv)));
        }
    }

    [Test]
    public async Task Two_collectors_sharing_one_state_collect_each_run_once()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var runs = await SandboxRuns.RunAsync(Sandbox, report, 8);
        var handled = new RecordingHandler();
        var state = new InMemoryCollectorState();
        await using var a = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handled), state, "a");
        await using var b = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handled), state, "b");

        var passes = await Task.WhenAll(a.Collector.CollectOnceAsync(), b.Collector.CollectOnceAsync(), a.Collector.CollectOnceAsync(), b.Collector.CollectOnceAsync());

        Assert.That(handled.RunIds, Is.EquivalentTo(runs.Select(r => r.RunId)), "every run, each once");
        Assert.That(passes.Sum(p => p.Collected), Is.EqualTo(8));
        Assert.That(passes.Sum(p => p.Failed), Is.Zero);
    }

    [Test]
    public async Task A_handler_that_throws_is_offered_the_run_again_with_attempt_2_and_handlers_that_finished_are_skipped()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var first = new RecordingHandler();
        var second = new RecordingHandler();
        second.Failing[run.RunId] = true;
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("first", _ => first).AddHandler("second", _ => second));

        var failed = await collector.Collector.CollectOnceAsync();
        second.Failing.Clear();
        var retried = await collector.Collector.CollectOnceAsync();

        Assert.That((failed.Collected, failed.Failed), Is.EqualTo((0, 1)));
        Assert.That((retried.Collected, retried.Failed), Is.EqualTo((1, 0)));
        Assert.That(first.Calls.Select(c => c.Run.Attempt), Is.EqualTo(new[] { 1 }), "the first handler finished on attempt 1 and was not called again");
        Assert.That(second.Calls.Select(c => (c.Run.Attempt, c.Run.MayHaveBeenHandled)), Is.EqualTo(new[] { (1, false), (2, false) }));
        Assert.That(await collector.SettledAsync(run.RunId), Is.EquivalentTo(new[] { run.RunId }));
        Assert.That(Directory.EnumerateFiles(collector.Spool.Folder), Is.Empty, "no spool file left");
    }

    [Test]
    public async Task A_run_completed_longer_ago_than_Since_is_left_alone_and_every_report_goes_to_the_gap_finder()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var handler = new RecordingHandler();
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow() + TimeSpan.FromDays(2));
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler), time: later, configure: o => o.Since = TimeSpan.FromDays(1));

        var pass = await collector.Collector.CollectOnceAsync();

        Assert.That(pass, Is.EqualTo(ReportsCollectorModelFactory.CollectionPass(reports: 1)));
        Assert.That(handler.Calls, Is.Empty);
        Assert.That(await collector.SettledAsync(run.RunId), Is.Empty);
        Assert.That(collector.Gaps.Scans.Select(scan => scan.Report.Id), Is.EqualTo(new[] { report.Id }), "one without a schedule too: a removed schedule's last windows are still judged");
    }

    [Test]
    public async Task Completed_backfills_from_the_gap_finder_are_collected_with_origin_Backfill()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var handler = new RecordingHandler();
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler), configure: o => o.Reports = ["rep_other"]);
        collector.Gaps.Backfills.Add(run);

        var pass = await collector.Collector.CollectOnceAsync();

        Assert.That((pass.Reports, pass.Collected), Is.EqualTo((0, 1)), "the report is not listed (not selected), its backfill run is collected");
        Assert.That(handler.Calls.Single().Run.Origin, Is.EqualTo(RunOrigin.Backfill));
        Assert.That(collector.Provider.GetRequiredService<ICollectorStateStore>(), Is.SameAs(collector.Store));
    }

    [Test]
    public async Task A_claimed_run_the_gap_finder_found_uncollected_is_collected_by_the_pass_taking_its_lapsed_claim_over()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        using (var client = Sandbox.CreateClient())
        {
            await client.UpdateReportAsync(report.Id, new ReportUpdate { Schedule = "0 6 * * *" });
        }

        var handler = new RecordingHandler();
        var state = new InMemoryCollectorState();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var dead = new InMemoryCollectorStateStore("dead", clock, state);
        await dead.StartAsync(default);
        await dead.TryClaimAsync(new RunRecord { RunId = run.RunId, ReportId = report.Id, From = run.From!.Value, To = run.To!.Value }, TimeSpan.FromMinutes(1), default);
        clock.Advance(TimeSpan.FromMinutes(2));
        await using var collector = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("recording", _ => handler), state, time: clock);
        collector.Gaps.Uncollected.Add(run);

        var pass = await collector.Collector.CollectOnceAsync();

        Assert.That(pass.Collected, Is.EqualTo(1));
        Assert.That(handler.Calls.Select(call => (call.Run.RunId, call.Run.Origin, call.Run.Attempt, call.Run.MayHaveBeenHandled)), Is.EqualTo(new[] { (run.RunId, RunOrigin.Poll, 2, true) }));
    }
}
