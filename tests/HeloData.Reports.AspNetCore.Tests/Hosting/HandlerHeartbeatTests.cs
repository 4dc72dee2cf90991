using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Collector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>While a handler runs, its claim is renewed every third of the lease, so it outlives the lease; once the handler is done, renewals stop.</summary>
public sealed class HandlerHeartbeatTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Test]
    public async Task A_running_handler_keeps_its_claim_past_the_lease_and_a_finished_one_stops_renewing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new RenewalCountingStore(Stores.InMemory(time));
        var other = new InMemoryCollectorStateStore("other-receiver", time, store.State);
        await store.TryClaimAsync(Stores.Record("run_slow"), Lease, default);

        await using (HandlerHeartbeat.Start(store, "run_slow", Lease, time, NullLogger.Instance))
        {
            for (var beat = 1; beat <= 6; beat++)
            {
                await store.WhenRenewed(beat, () => time.Advance(Lease / 3));
            }

            Assert.That((await other.TryClaimAsync(Stores.Record("run_slow"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress), "two leases on, still held");
        }

        time.Advance(Lease * 2);
        Assert.That(store.Renewals, Is.EqualTo(6), "no renewal after the handler finished");
        Assert.That((await other.TryClaimAsync(Stores.Record("run_slow"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed), "then the lease lapses");
    }

    /// <summary>Counts renewals, so the test moves the fake clock only after the previous beat landed.</summary>
    private sealed class RenewalCountingStore(InMemoryCollectorStateStore inner) : ForwardingStateStore(inner)
    {
        private readonly SemaphoreSlim _renewed = new(0);
        private int _renewals;

        public int Renewals => Volatile.Read(ref _renewals);

        public InMemoryCollectorState State => inner.State;

        public async Task WhenRenewed(int count, Action advance)
        {
            advance();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _renewed.WaitAsync(patience.Token);
            Assert.That(Renewals, Is.EqualTo(count));
        }

        public override async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
        {
            var renewed = await Inner.RenewAsync(runId, lease, cancellationToken);
            Interlocked.Increment(ref _renewals);
            _renewed.Release();
            return renewed;
        }
    }
}
