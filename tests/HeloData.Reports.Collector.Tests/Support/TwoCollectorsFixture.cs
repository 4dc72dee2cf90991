using HeloData.Reports.Models;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>
/// Two collectors, <c>a</c> (its store observed) and <c>b</c>, over one in-memory state and one fake clock, on a
/// sandbox with one completed run: the set-up of the tests of claims and their leases.
/// </summary>
public abstract class TwoCollectorsFixture : SandboxFixture
{
    // A tick over 3 s: the heartbeat's deadline (the lease less a third) then falls a tick after the beat that follows
    // the next one, so a clock moved a beat at a time never meets a deadline that a renewal has just moved on.
    private protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(3) + TimeSpan.FromTicks(1);

    private protected FakeTimeProvider Time { get; private set; } = null!;

    [SetUp]
    public void StartClock() => Time = new FakeTimeProvider(DateTimeOffset.UtcNow);

    /// <summary>Starts <c>a</c> and <c>b</c> with the same handlers, <c>a</c>'s store as <paramref name="observe"/> makes it.</summary>
    private protected async Task<TwoCollectors> StartTwoAsync(Action<IReportsCollectorBuilder> handlers, Func<ICollectorStateStore, ObservedStore>? observe = null)
    {
        var report = await SandboxRuns.CreateReportAsync(Sandbox);
        var run = (await SandboxRuns.RunAsync(Sandbox, report, 1)).Single();
        var state = new InMemoryCollectorState();
        ObservedStore observed = null!;
        var a = CollectorHarness.Start(Sandbox, Temp.Path, handlers, state, "a", Time, o => o.ClaimLease = Lease, wrapStore: s => observed = (observe ?? (inner => new ObservedStore(inner)))(s));
        var b = CollectorHarness.Start(Sandbox, Temp.Path, handlers, state, "b", Time, o => o.ClaimLease = Lease);
        return new TwoCollectors(a, b, observed, run, state);
    }

    private protected sealed record TwoCollectors(CollectorHarness A, CollectorHarness B, ObservedStore Observed, ReportRun Run, InMemoryCollectorState State) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }
}
