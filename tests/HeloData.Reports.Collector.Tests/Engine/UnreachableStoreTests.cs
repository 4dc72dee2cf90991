using HeloData.Reports.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.Collector.Tests.Engine;

/// <summary>
/// A heartbeat whose renewals throw (the state store is unreachable from this instance) must stop its handlers
/// before the claim's lease lapses in the store, since another instance may take the run over once it has.
/// </summary>
public sealed class UnreachableStoreTests : TwoCollectorsFixture
{
    [Test]
    public async Task Renewals_that_throw_stop_the_handler_before_the_lease_lapses_so_no_two_collectors_run_it_at_once()
    {
        var handler = new UntilStoppedHandler();
        await using var two = await StartTwoAsync(b => b.AddHandler("h", (r, ct) => handler.HandleAsync(r, ct)));
        var (a, b, observed, run, time) = (two.A, two.B, two.Observed, two.Run, Time);

        var first = a.Collector.CollectRunAsync(run, null, RunOrigin.Application);
        var token = await handler.FirstStarted;
        observed.Unreachable = true;

        time.Advance(Lease / 3);
        await observed.WaitForRenewalAsync();
        var afterOneFailure = token.IsCancellationRequested;
        time.Advance(Lease - (Lease / 3) - (Lease / 3)); // to the claim's time plus the lease less a third
        var beforeTheLeaseLapses = token.IsCancellationRequested;

        // A generous real-time bound: without the fix the handler would run on while the claim lapses.
        var stale = await first.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(Lease / 3 + TimeSpan.FromMilliseconds(1));
        var second = await b.Collector.CollectRunAsync(run, null, RunOrigin.Application);

        Assert.That(afterOneFailure, Is.False, "one failed renewal leaves two thirds of the lease");
        Assert.That(beforeTheLeaseLapses, Is.True, "stopped a third of the lease before the last renewal's lease ends");
        Assert.That(handler.MostRunning, Is.EqualTo(1), "never run by both collectors at once");
        Assert.That(second, Is.EqualTo(RunCollectionResult.Collected));
        Assert.That(stale, Is.Not.EqualTo(RunCollectionResult.Collected));
        Assert.That(handler.Calls, Is.EqualTo(2));
    }

    /// <summary>Its first call runs until its token is cancelled; later calls return at once. Counts calls running at once.</summary>
    private sealed class UntilStoppedHandler
    {
        private readonly TaskCompletionSource<CancellationToken> _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;
        private int _running;
        private int _mostRunning;

        public Task<CancellationToken> FirstStarted => _firstStarted.Task;

        public int Calls => Volatile.Read(ref _calls);

        public int MostRunning => Volatile.Read(ref _mostRunning);

        public async Task HandleAsync(CollectedRun run, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            if (running > Volatile.Read(ref _mostRunning))
            {
                Volatile.Write(ref _mostRunning, running);
            }

            try
            {
                if (Interlocked.Increment(ref _calls) == 1)
                {
                    _firstStarted.SetResult(cancellationToken);
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
