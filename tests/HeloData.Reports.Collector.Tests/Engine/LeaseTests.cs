using System.Diagnostics.Metrics;
using HeloData.Reports.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>
/// The lease test: a handler slower than the lease keeps its run while its heartbeat beats (another
/// collector never runs it at the same time), and once the heartbeat stops the run is taken over after the lease,
/// recorded as such and told it may have been handled. Time is the collectors' fake clock, moved by the test.
/// </summary>
public sealed class LeaseTests : TwoCollectorsFixture
{
    [Test]
    public async Task A_handler_slower_than_the_lease_keeps_its_run_and_a_dead_heartbeat_lets_another_collector_take_it_over()
    {
        var handler = new SlowHandler();
        await using var two = await StartTwoAsync(b => b.AddHandler("slow", _ => handler));
        var (a, b, observed, run, time) = (two.A, two.B, two.Observed, two.Run, Time);
        using var takenOver = new TakeoverCounter();

        var first = a.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        await handler.FirstStarted;

        // Three leases' worth of beats: the claim is renewed every third of the lease, each time before the next step.
        var whileBeating = new List<RunCollectionResult>();
        for (var beat = 0; beat < 9; beat++)
        {
            time.Advance(Lease / 3);
            await observed.WaitForRenewalAsync();
            whileBeating.Add(await b.Collector.CollectRunAsync(run, null, RunOrigin.Application));
        }

        // A dies: its heartbeat stops (and what it still sends never reaches the store), its handler is stuck.
        observed.Frozen = true;
        a.Provider.GetRequiredService<RunCollection>().Dispose();
        time.Advance(Lease / 3);
        var beforeLapse = await b.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        time.Advance(Lease);
        var afterLapse = await b.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        handler.Finish();
        var stale = await first;

        Assert.That(whileBeating, Is.All.EqualTo(RunCollectionResult.InProgress), "never taken while the heartbeat holds");
        Assert.That(beforeLapse, Is.EqualTo(RunCollectionResult.InProgress), "nor before the last renewal's lease ends");
        Assert.That(afterLapse, Is.EqualTo(RunCollectionResult.Collected));
        Assert.That(stale, Is.EqualTo(RunCollectionResult.InProgress), "the frozen instance's late return is not recorded: the claim is no longer its own, and the run is the other instance's");
        Assert.That(handler.Calls.Select(c => (c.Attempt, c.MayHaveBeenHandled)), Is.EqualTo(new[] { (1, false), (2, true) }));
        Assert.That(takenOver.Count, Is.EqualTo(1), "helodata.collector.claims_taken_over");
        Assert.That(await b.SettledAsync(run.RunId), Is.EquivalentTo(new[] { run.RunId }));
    }

    [Test]
    public async Task Two_collectors_racing_for_slow_runs_never_run_one_at_the_same_time()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var handler = new SlowHandler();
        var state = new InMemoryCollectorState();
        await using var a = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("slow", _ => handler), state, "a");
        await using var b = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("slow", _ => handler), state, "b");

        var passA = a.Collector.CollectOnceAsync();
        await handler.FirstStarted;
        var passB = await b.Collector.CollectOnceAsync();
        handler.Finish();
        var doneA = await passA;

        Assert.That((passB.Collected, passB.InProgress), Is.EqualTo((0, 1)));
        Assert.That(doneA.Collected, Is.EqualTo(1));
        Assert.That(handler.MostRunning, Is.EqualTo(1));
        Assert.That(handler.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_claim_lost_to_the_store_stops_the_handlers_and_records_nothing()
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var time = Time;
        var state = new InMemoryCollectorState();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = false;
        await using var a = CollectorHarness.Start(Sandbox, Temp.Path, b => b.AddHandler("waits", async (_, ct) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                stopped = ct.IsCancellationRequested;
            }
        }), state, "a", time, o => o.ClaimLease = Lease);

        var collecting = a.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        await started.Task;

        // A new life of instance "a" (a restart elsewhere with the same name) releases this life's claims: the next beat finds it lost.
        await new InMemoryCollectorStateStore("a", time, state).StartAsync(CancellationToken.None);
        time.Advance(Lease / 3);
        var result = await collecting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result, Is.EqualTo(RunCollectionResult.InProgress), "a lost claim, not a failure");
        Assert.That(stopped, Is.True, "the handler's token was cancelled");
        Assert.That(await a.SettledAsync(run.RunId), Is.Empty);
    }

    /// <summary>Counts the collector's claims_taken_over measurements while it lives.</summary>
    private sealed class TakeoverCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public TakeoverCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ReportsCollectorTelemetry.MeterName && instrument.Name == "helodata.collector.claims_taken_over")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
