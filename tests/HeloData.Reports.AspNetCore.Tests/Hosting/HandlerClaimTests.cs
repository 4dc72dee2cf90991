using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>
/// While a handler runs, its claim is renewed every third of the lease (the collector's heartbeat), so it outlives
/// the lease; once the handler is done, renewals stop. A handler whose claim is taken over, or cannot be renewed
/// before its lease would lapse, is stopped, so no two receivers run it at once.
/// </summary>
public sealed class HandlerClaimTests
{
    // A tick over a minute: the heartbeat's deadline (the lease less a third) then falls a tick after the beat that
    // follows the next one, so a clock moved a beat at a time never meets a deadline that a renewal just moved.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1);

    [Test]
    public async Task A_running_handler_keeps_its_claim_past_the_lease_and_a_finished_one_stops_renewing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var inner = Stores.InMemory(time);
        var store = new WatchedStore(inner, time);
        var other = new InMemoryCollectorStateStore("other-receiver", time, inner.State);
        await store.TryClaimAsync(Stores.Record("run_slow"), Lease, default);

        await using (ClaimHeartbeat.Start(beat => store.RenewAsync("run_slow", Lease, beat), "run_slow", Lease, time, NullLogger.Instance, default))
        {
            for (var beat = 1; beat <= 6; beat++)
            {
                time.Advance(Lease / 3);
                await store.WhenRenewalTried();
                Assert.That(store.Renewals, Is.EqualTo(beat));
            }

            Assert.That((await other.TryClaimAsync(Stores.Record("run_slow"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress), "two leases on, still held");
        }

        time.Advance(Lease * 2);
        Assert.That(store.Renewals, Is.EqualTo(6), "no renewal after the handler finished");
        Assert.That((await other.TryClaimAsync(Stores.Record("run_slow"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed), "then the lease lapses");
    }

    [Test]
    public async Task A_handler_whose_claim_cannot_be_renewed_is_stopped_before_its_lease_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new WatchedStore(Stores.InMemory(time), time) { Unreachable = true };
        var (answer, stopped, logs) = await HandleUntilStoppedAsync(store, time, async () =>
        {
            time.Advance(Lease / 3);
            await store.WhenRenewalTried();
            time.Advance(Lease - (Lease / 3) - (Lease / 3)); // to the last good renewal (the claim) plus the lease less a third of it
        });

        Assert.That(stopped, Is.True, "the handler was cancelled while its claim still held in the store");
        Assert.That(time.GetUtcNow() - store.ClaimedAt, Is.LessThan(Lease), "before another receiver could take the run over");
        Assert.That(answer, Is.EqualTo(HttpStatusCode.Conflict), "the service delivers again later");
        Assert.That(logs, Has.Some.Contains("was not renewed for most of its lease"));
    }

    [Test]
    public async Task A_handler_whose_claim_was_taken_over_is_stopped()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new WatchedStore(Stores.InMemory(time), time) { TakenOver = true };
        var (answer, stopped, logs) = await HandleUntilStoppedAsync(store, time, async () =>
        {
            time.Advance(Lease / 3);
            await store.WhenRenewalTried();
        });

        Assert.That(stopped, Is.True);
        Assert.That(answer, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(logs, Has.Some.Contains("was lost"));
    }

    /// <summary>Delivers a run to a handler that waits on its token, plays <paramref name="meanwhile"/> and returns the answer, whether the handler saw its token cancelled, and the logs.</summary>
    private static async Task<(HttpStatusCode Answer, bool Stopped, string[] Logs)> HandleUntilStoppedAsync(WatchedStore store, FakeTimeProvider time, Func<Task> meanwhile)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await Receiver.StartAsync(
            async (_, cancellationToken) =>
            {
                started.TrySetResult();
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, patience.Token);
                await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                stopped.TrySetResult(cancellationToken.IsCancellationRequested);
                cancellationToken.ThrowIfCancellationRequested();
            },
            o => o.HandlerLease = Lease,
            store,
            services: services => services.AddSingleton<TimeProvider>(time));

        var sending = Deliveries.SendAsync(receiver.Address, "run_cut", Deliveries.Csv());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await meanwhile();
        var wasStopped = await stopped.Task;
        using var answer = await sending;
        return (answer.StatusCode, wasStopped, [.. receiver.Logs]);
    }

    /// <summary>Signals each renewal tried, and plays a store that is unreachable (renewals throw) or that answers the claim is someone else's now.</summary>
    private sealed class WatchedStore(InMemoryCollectorStateStore inner, TimeProvider time) : ForwardingStateStore(inner)
    {
        private readonly SemaphoreSlim _tried = new(0);
        private int _renewals;

        public bool Unreachable { get; init; }

        public bool TakenOver { get; init; }

        public int Renewals => Volatile.Read(ref _renewals);

        public DateTimeOffset ClaimedAt { get; private set; }

        public async Task WhenRenewalTried()
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _tried.WaitAsync(patience.Token);
        }

        public override async Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken)
        {
            ClaimedAt = time.GetUtcNow();
            return await Inner.TryClaimAsync(run, lease, cancellationToken);
        }

        public override async Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken)
        {
            try
            {
                return Unreachable ? throw new IOException("The state store is unreachable.")
                    : !TakenOver && await Inner.RenewAsync(runId, lease, cancellationToken);
            }
            finally
            {
                Interlocked.Increment(ref _renewals);
                _tried.Release();
            }
        }
    }
}
