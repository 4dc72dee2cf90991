using HeloData.Reports.Models;
using HeloData.Reports.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Collector.Tests.Gaps;

/// <summary>
/// A backfill request can outlast the claim's lease (the client waits out a <c>429</c>'s <c>Retry-After</c>): the
/// claim is renewed meanwhile, so no other instance takes it and requests a second run for the same window.
/// </summary>
public sealed class BackfillClaimTests
{
    // A tick over a minute: the heartbeat's deadline (the lease less a third) then falls a tick after the beat that
    // follows the next one, so a clock moved a beat at a time never meets a deadline that a renewal just moved.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    private static readonly IOptions<ReportsCollectorOptions> _options = Options.Create(new ReportsCollectorOptions { Backfill = true, ClaimLease = Lease, Since = TimeSpan.FromDays(1) });

    private RetryWatchingTime _time = null!;
    private ReportsSandbox _sandbox = null!;
    private ReportsClient _client = null!;
    private Report _created = null!;
    private Report _report = null!;

    /// <summary>A sandbox on a fake clock whose next request is answered 429 with a long <c>Retry-After</c>, a client that waits it out, and a daily report.</summary>
    [SetUp]
    public async Task SetUp()
    {
        _time = new RetryWatchingTime(GapFinderHarness.Now);
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = _time });
        _client = _sandbox.CreateClient(o => (o.TimeProvider, o.MaxRetryAfter, o.TotalTimeout, o.AttemptTimeout) = (_time, RetryAfter * 2, RetryAfter * 4, RetryAfter * 4));
        _created = await _client.CreateReportAsync(new NewReport("gaps", ReportType.Traffic, ReportFormat.Csv));
        _report = ReportsModelFactory.Report(_created.Id, schedule: "0 6 * * *", createdAt: GapFinderHarness.Now.AddDays(-100));
        _sandbox.Faults.RateLimit(1, RetryAfter);
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task A_request_waiting_out_a_long_Retry_After_keeps_its_claim_so_no_other_instance_requests_the_window()
    {
        var (time, sandbox, client, created, report) = (_time, _sandbox, _client, _created, _report);
        var state = new InMemoryCollectorState();
        var a = new BackfillWatch(new InMemoryCollectorStateStore("a", time, state));
        var b = new InMemoryCollectorStateStore("b", time, state);
        await a.StartAsync(default);
        await b.StartAsync(default);

        var log = new GapFinderHarness.ListLogger();
        var scanning = new GapFinder(client, a, _options, time, log).ScanAsync(report, [], default);
        await RateLimitedAsync(sandbox);
        await time.RetryDelayStarted();
        var (from, to) = a.Claimed!.Value;
        var waited = TimeSpan.Zero;
        while (waited < RetryAfter)
        {
            // The client's delay started before the clock moved: it ends once the clock has moved the whole Retry-After.
            time.Advance(Lease / 3);
            waited += Lease / 3;
            var renewal = a.WhenRenewalTried();
            if (await Task.WhenAny(renewal, scanning) == renewal && !scanning.IsCompleted)
            {
                await renewal;
                Assert.That(await b.TryClaimBackfillAsync(created.Id, from, to, Lease, default), Is.False, $"{waited} into the request, its claim still holds");
            }
        }

        await scanning.WaitAsync(TimeSpan.FromSeconds(30));
        var gap = (await b.GetGapsAsync(default)).Single(gap => gap.From == from && gap.To == to);
        Assert.Multiple(() =>
        {
            Assert.That(waited, Is.GreaterThanOrEqualTo(RetryAfter), "the request outlasted the lease many times over");
            Assert.That(gap.Status, Is.EqualTo(ReportGapStatus.BackfillRequested), () => string.Join(" | ", log.Lines.Select(line => line.Message)) + " || " + string.Join(" | ", sandbox.Requests.Select(r => $"{r.Method} {r.Status} {r.At}")) + " waited " + waited);
            Assert.That(gap.BackfillRunId, Is.Not.Null, "the run asked for after the wait was recorded");
            Assert.That(RunsAccepted(sandbox, from), Is.EqualTo(1), "one run for the window");
        });
    }

    [Test]
    public async Task A_backfill_claim_taken_over_meanwhile_stops_the_request()
    {
        var (time, sandbox, client, created, report) = (_time, _sandbox, _client, _created, _report);
        var a = new BackfillWatch(new InMemoryCollectorStateStore("a", time)) { TakenOver = true };
        await a.StartAsync(default);

        var scanning = new GapFinder(client, a, _options, time, NullLogger<GapFinder>.Instance).ScanAsync(report, [], default);
        await RateLimitedAsync(sandbox);
        time.Advance(Lease / 3);
        await a.WhenRenewalTried();
        var scan = await scanning.WaitAsync(TimeSpan.FromSeconds(30));

        var from = a.Claimed!.Value.From;
        Assert.That(RunsAccepted(sandbox, from), Is.Zero, "no run asked for once the claim was lost");
        Assert.That((await a.GetGapsAsync(default)).Single(gap => gap.From == from).BackfillRunId, Is.Null);
        Assert.That(scan.BackfillsRequested, Is.EqualTo((await a.GetGapsAsync(default)).Count(gap => gap.BackfillRunId is not null)), "that window's not counted");
    }

    [Test]
    public async Task A_pass_stopped_while_its_request_waits_out_a_Retry_After_stops_at_once_and_records_no_request()
    {
        var (time, sandbox, client, report) = (_time, _sandbox, _client, _report);
        var a = new BackfillWatch(new InMemoryCollectorStateStore("a", time));
        await a.StartAsync(default);
        using var stop = new CancellationTokenSource();

        var scanning = new GapFinder(client, a, _options, time, NullLogger<GapFinder>.Instance).ScanAsync(report, [], stop.Token);
        await RateLimitedAsync(sandbox);
        await time.RetryDelayStarted();
        await stop.CancelAsync();

        Assert.That(async () => await scanning.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<OperationCanceledException>(), "the clock never moved: the Retry-After is not waited out");
        var from = a.Claimed!.Value.From;
        Assert.That(RunsAccepted(sandbox, from), Is.Zero);
        Assert.That((await a.GetGapsAsync(default)).Single(gap => gap.From == from).BackfillRunId, Is.Null, "deferred: asked for again on a later pass");
        Assert.That(await a.TryClaimBackfillAsync(report.Id, from, a.Claimed!.Value.To, Lease, default), Is.True, "its claim released, not held until its lease ends");
    }

    /// <summary>How many runs the sandbox accepted for the window starting on <paramref name="from"/>.</summary>
    private static int RunsAccepted(ReportsSandbox sandbox, DateOnly from) =>
        sandbox.Requests.Count(r => r is { Method: "POST", Status: 202 } && r.Body?.Contains(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) == true);

    /// <summary>Waits until the first request for a run was answered 429: the heartbeat started before it was sent.</summary>
    private static async Task RateLimitedAsync(ReportsSandbox sandbox)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!sandbox.Requests.Any(r => r is { Method: "POST", Status: 429 }))
        {
            await Task.Delay(10, patience.Token);
        }
    }

    /// <summary>Remembers the first gap claimed, signals each renewal of a backfill claim tried, and can answer that the claim was taken over.</summary>
    private sealed class BackfillWatch(ICollectorStateStore inner) : ForwardingStateStore(inner)
    {
        private readonly SemaphoreSlim _tried = new(0);

        public bool TakenOver { get; init; }

        public (DateOnly From, DateOnly To)? Claimed { get; private set; }

        public async Task WhenRenewalTried()
        {
            if (!await _tried.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("The backfill claim was not renewed while its run was being requested.");
            }
        }

        public override async Task<bool> TryClaimBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
        {
            var claimed = await Inner.TryClaimBackfillAsync(reportId, from, to, lease, cancellationToken);
            Claimed ??= claimed ? (from, to) : null;
            return claimed;
        }

        public override async Task<bool> RenewBackfillAsync(string reportId, DateOnly from, DateOnly to, TimeSpan lease, CancellationToken cancellationToken)
        {
            try
            {
                return !TakenOver && await Inner.RenewBackfillAsync(reportId, from, to, lease, cancellationToken);
            }
            finally
            {
                _tried.Release();
            }
        }
    }

    /// <summary>A fake clock that signals when the client starts waiting out the <c>Retry-After</c> (the one timer longer than a lease and no longer than it).</summary>
    private sealed class RetryWatchingTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task RetryDelayStarted() => _started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > Lease && dueTime <= RetryAfter)
            {
                _started.TrySetResult();
            }

            return timer;
        }
    }
}
