using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// The gap test, end to end: the sandbox fires a daily schedule for 30 days on a fake clock and keeps some
/// runs out of <c>recent_runs</c> (or fails them); once a sandbox day, a pass does what the engine does around the
/// gap finder (collects the completed runs listed, scans, collects the completed backfills), with the real client
/// over loopback HTTP.
/// </summary>
public sealed class GapFinderSandboxTests
{
    private const string Daily = "0 6 * * *";

    private FakeTimeProvider _time = null!;
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;
    private InMemoryCollectorStateStore _store = null!;
    private ReportsCollectorOptions _options = null!;
    private List<ReportRun> _collected = null!;

    [SetUp]
    public async Task SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = _time });
        _client = _sandbox.CreateClient();
        _store = new InMemoryCollectorStateStore("a", _time);
        await _store.StartAsync(default);
        _options = new ReportsCollectorOptions();
        _collected = [];
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Thirty_daily_runs_with_five_hidden_give_five_gaps_and_with_backfill_five_runs_for_their_windows_covering_every_day_once(bool backfill)
    {
        _options.Backfill = backfill;
        var seen = 0;
        _sandbox.Faults.HideRuns(run => run.Scheduled && ++seen % 6 == 0);
        var report = await _client.CreateReportAsync(new NewReport("daily", ReportType.Traffic, ReportFormat.Csv) { Schedule = Daily });

        var scans = await RunDaysAsync(30);

        var scheduled = _sandbox.Runs.Where(run => run.Scheduled).ToList();
        var hidden = scheduled.Where(run => run.Hidden).Select(run => (run.From, run.To)).ToList();
        var onDemand = _sandbox.Runs.Where(run => !run.Scheduled).Select(run => (run.From, run.To)).ToList();
        var gaps = await _store.GetGapsAsync(default);
        Assert.Multiple(() =>
        {
            Assert.That(scheduled, Has.Count.EqualTo(30));
            Assert.That(hidden, Has.Count.EqualTo(5));
            Assert.That(scans.Sum(scan => scan.GapsFound), Is.EqualTo(5));
            Assert.That(gaps.Select(gap => (gap.From, gap.To)), Is.EqualTo(hidden), "the gaps are the hidden runs' windows");
            Assert.That(gaps.Select(gap => gap.ReportId), Is.All.EqualTo(report.Id));
        });

        if (backfill)
        {
            var june = Enumerable.Range(1, 30).Select(day => new DateOnly(2026, 6, day));
            Assert.Multiple(() =>
            {
                Assert.That(scans.Sum(scan => scan.BackfillsRequested), Is.EqualTo(5));
                Assert.That(onDemand, Is.EqualTo(hidden), "one on-demand run per gap, with its window");
                Assert.That(_collected.Select(run => run.From!.Value).Order(), Is.EqualTo(june), "every day once");
                Assert.That(_collected.Select(run => (run.From, run.To)), Has.All.Matches<(DateOnly? From, DateOnly? To)>(window => window.From == window.To));
                Assert.That(gaps.Select(gap => gap.Status), Is.All.EqualTo(ReportGapStatus.Filled));
            });
        }
        else
        {
            Assert.That(onDemand, Is.Empty);
            Assert.That(gaps.Select(gap => gap.Status), Is.All.EqualTo(ReportGapStatus.Missing));
            Assert.That(_collected, Has.Count.EqualTo(25));
        }
    }

    [Test]
    public async Task Failed_scheduled_runs_are_retried_once_without_backfill_and_a_failed_retry_is_reported()
    {
        // The 10th and 20th scheduled runs fail; so does the retry of the 20th.
        var scheduledSeen = 0;
        var retries = 0;
        _sandbox.Faults.FailRuns(run => run.Scheduled ? ++scheduledSeen is 10 or 20 : ++retries == 2);
        await _client.CreateReportAsync(new NewReport("daily", ReportType.Traffic, ReportFormat.Csv) { Schedule = Daily });

        var scans = await RunDaysAsync(30);

        var gaps = await _store.GetGapsAsync(default);
        Assert.Multiple(() =>
        {
            Assert.That(scans.Sum(scan => scan.GapsFound), Is.EqualTo(2));
            Assert.That(scans.Sum(scan => scan.BackfillsRequested), Is.EqualTo(2));
            Assert.That(_sandbox.Runs.Where(run => !run.Scheduled).Select(run => run.From.Day), Is.EqualTo(new[] { 10, 20 }), "one retry each, never a third run");
            Assert.That(gaps.Select(gap => (gap.From.Day, gap.Status, gap.FailedRunId is not null)), Is.EqualTo(new[] { (10, ReportGapStatus.Filled, true), (20, ReportGapStatus.Failed, true) }));
            Assert.That(_collected.Select(run => run.From!.Value.Day).Order(), Is.EqualTo(Enumerable.Range(1, 30).Where(day => day != 20)));
        });
    }

    [Test]
    public async Task Instances_scanning_at_the_same_time_find_each_gap_once_and_request_each_backfill_once()
    {
        _options.Backfill = true;
        var seen = 0;
        _sandbox.Faults.HideRuns(run => run.Scheduled && ++seen % 3 == 0);
        var report = await _client.CreateReportAsync(new NewReport("daily", ReportType.Traffic, ReportFormat.Csv) { Schedule = Daily });
        _time.Advance(TimeSpan.FromDays(30));
        var listed = (await _client.ListReportsAsync()).Reports.Single(r => r.Id == report.Id);

        // The visible runs were collected (into the state the three instances share); the hidden ones never listed.
        var state = new InMemoryCollectorState();
        var stores = new List<InMemoryCollectorStateStore>();
        foreach (var instance in new[] { "a", "b", "c" })
        {
            stores.Add(new InMemoryCollectorStateStore(instance, _time, state));
            await stores[^1].StartAsync(default);
        }

        foreach (var run in _sandbox.Runs.Where(run => !run.Hidden))
        {
            await stores[0].TryClaimAsync(new RunRecord { RunId = run.RunId, ReportId = run.ReportId, From = run.From, To = run.To }, TimeSpan.FromMinutes(1), default);
            await stores[0].CompleteAsync(run.RunId, default);
        }

        var finders = stores.Select(store => new GapFinder(_client, store, Options.Create(_options), _time, NullLogger<GapFinder>.Instance)).ToList();
        var scans = await Task.WhenAll(finders.Select(finder => Task.Run(() => finder.ScanAsync(listed, [], default))));

        var hidden = _sandbox.Runs.Where(run => run.Hidden).Select(run => (run.From, run.To)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(hidden, Has.Count.EqualTo(10));
            Assert.That(scans.Sum(scan => scan.GapsFound), Is.EqualTo(10));
            Assert.That(scans.Sum(scan => scan.BackfillsRequested), Is.EqualTo(10));
            Assert.That(_sandbox.Runs.Where(run => !run.Scheduled).Select(run => (run.From, run.To)).Order(), Is.EqualTo(hidden));
        });
    }

    [Test]
    public async Task A_schedule_changed_by_patch_while_no_pass_ran_gives_no_false_gap_and_a_run_hidden_after_it_is_still_found()
    {
        // Weekly for two weeks, then five days with no pass, then daily from a PATCH on Saturday 20 June: the daily
        // schedule has occurrences in the days before the PATCH, when the weekly one was in force and made no run for them.
        _options.Backfill = true;
        var report = await _client.CreateReportAsync(new NewReport("changed", ReportType.Traffic, ReportFormat.Csv) { Schedule = "0 9 * * MON" });
        await RunDaysAsync(14);
        _time.Advance(TimeSpan.FromDays(5));
        await _client.UpdateReportAsync(report.Id, new ReportUpdate { Schedule = Daily });
        _sandbox.Faults.HideRuns(run => run.Scheduled && run.From == new DateOnly(2026, 6, 23));

        var scans = await RunDaysAsync(10);

        var hidden = _sandbox.Runs.Where(run => run.Hidden).Select(run => (run.From, run.To)).ToList();
        var gaps = await _store.GetGapsAsync(default);
        Assert.Multiple(() =>
        {
            Assert.That(hidden, Is.EqualTo(new[] { (new DateOnly(2026, 6, 23), new DateOnly(2026, 6, 23)) }));
            Assert.That(gaps.Select(gap => (gap.From, gap.To)), Is.EqualTo(hidden), "no window judged with a schedule not in force then");
            Assert.That(_sandbox.Runs.Where(run => !run.Scheduled).Select(run => (run.From, run.To)), Is.EqualTo(hidden), "no false backfill");
            Assert.That(scans.Sum(scan => scan.GapsFound), Is.EqualTo(1));
        });
    }

    [TestCase("0 6 * * *")]
    [TestCase("0 */6 * * *")]
    [TestCase("0 9 * * MON")]
    [TestCase("0 3 1 * *")]
    [TestCase("0 9,17 * * MON")]
    [TestCase("30 2 * * *")]
    [TestCase("0 0 13 * FRI")]
    public async Task The_windows_looked_for_are_the_windows_of_the_sandboxs_scheduled_runs(string schedule)
    {
        var report = await _client.CreateReportAsync(new NewReport("scheduled", ReportType.Traffic, ReportFormat.Csv) { Schedule = schedule });
        _time.Advance(TimeSpan.FromDays(70));
        await _client.ListReportsAsync();

        var fired = _sandbox.Runs.Where(run => run.Scheduled).Select(run => (run.From, run.To)).Distinct().ToList();
        var expected = ScheduleWindows.Due(CronTimetable.Parse(schedule), report.CreatedAt!.Value, _time.GetUtcNow(), afterJudged: false).Select(window => (window.From, window.To)).ToList();

        Assert.That(fired, Is.Not.Empty);
        Assert.That(expected, Is.EqualTo(fired));
    }

    /// <summary>One pass a sandbox day at 08:00 (two hours after the occurrence), then one more a minute later for the last backfill.</summary>
    private async Task<List<GapScan>> RunDaysAsync(int days)
    {
        var finder = new GapFinder(_client, _store, Options.Create(_options), _time, NullLogger<GapFinder>.Instance);
        var scans = new List<GapScan>();
        for (var day = 0; day <= days; day++)
        {
            _time.Advance(day == days ? TimeSpan.FromMinutes(1) : TimeSpan.FromDays(1));
            var page = await _client.ListReportsAsync();
            foreach (var run in page.RecentRuns.Where(run => run.Status == RunStatus.Completed))
            {
                await CollectAsync(run);
            }

            foreach (var report in page.Reports)
            {
                scans.Add(await finder.ScanAsync(report, [.. page.RecentRuns.Where(run => run.ReportId == report.Id && run.Status == RunStatus.Failed)], default));
            }

            foreach (var run in await finder.CompletedBackfillsAsync(default))
            {
                await CollectAsync(run);
            }
        }

        return scans;
    }

    /// <summary>What the engine does with a completed run: claim, hand over, complete, settle the gap of its window.</summary>
    private async Task CollectAsync(ReportRun run)
    {
        var record = new RunRecord { RunId = run.RunId, ReportId = run.ReportId, From = run.From!.Value, To = run.To!.Value };
        if ((await _store.TryClaimAsync(record, TimeSpan.FromMinutes(1), default)).Status == RunClaimStatus.Claimed)
        {
            _collected.Add(run);
            await _store.CompleteAsync(run.RunId, default);
            await _store.SettleGapAsync(record.ReportId, record.From, record.To, ReportGapStatus.Filled, default);
        }
    }
}
