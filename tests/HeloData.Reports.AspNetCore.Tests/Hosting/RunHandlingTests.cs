using System.Net;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Collector;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>A claim whose caller gave up (timed out, or its sender hung up) while the store was writing it is let go, not left held.</summary>
public sealed class RunHandlingTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-webhook-test-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_claim_written_after_its_wait_timed_out_is_released_so_the_redelivery_is_handled()
    {
        // The store's writer commits the claim, but the caller's wait has already timed out: what
        // SqliteWriter does when the timeout fires while the claim is in the batch being committed.
        await using var store = new StrayClaimStore(Sqlite(), async (inner, run, lease, _) =>
        {
            await inner.TryClaimAsync(run, lease, CancellationToken.None);
            throw new TimeoutException("the store stayed busy");
        });
        var handled = new List<ReportDelivery>();
        await using var receiver = await Receiver.StartAsync((delivery, _) => { lock (handled) { handled.Add(delivery); } return Task.CompletedTask; }, store: store);

        using var first = await Deliveries.SendAsync(receiver.Address, "run_stray", Deliveries.Csv());
        using var redelivery = await Deliveries.SendAsync(receiver.Address, "run_stray", Deliveries.Csv());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no claim is left that nobody holds");
        Assert.That(handled, Has.Count.EqualTo(1));
        Assert.That(handled[0].MayHaveBeenHandled, Is.False, "no handler ever ran before");
    }

    [Test]
    public async Task A_claim_written_after_its_sender_hung_up_is_released_so_the_redelivery_is_handled()
    {
        var claiming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var store = new StrayClaimStore(Sqlite(), async (inner, run, lease, cancellationToken) =>
        {
            // Queued, then the sender goes away; the writer still commits the claim.
            claiming.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            await inner.TryClaimAsync(run, lease, CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("unreachable: the claim waits for its sender to hang up");
        });
        var handled = 0;
        await using var receiver = await Receiver.StartAsync((_, _) => { Interlocked.Increment(ref handled); return Task.CompletedTask; }, store: store);

        using (var hangUp = new CancellationTokenSource())
        {
            using var request = Deliveries.Request(receiver.Address, "run_gone", Deliveries.Csv());
            var sending = Deliveries.Http.SendAsync(request, hangUp.Token);
            await claiming.Task;
            await hangUp.CancelAsync();
            Assert.That(async () => await sending, Throws.InstanceOf<OperationCanceledException>());
        }

        // The redelivery only once the first request is over (it holds the run's in-process gate until then).
        while (!receiver.Logs.Any(line => line.Contains("Request finished", StringComparison.Ordinal)))
        {
            await Task.Delay(10);
        }

        using var redelivery = await Deliveries.SendAsync(receiver.Address, "run_gone", Deliveries.Csv());

        Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no claim is left that nobody holds");
        Assert.That(handled, Is.EqualTo(1));
    }

    private SqliteCollectorStateStore Sqlite() => new(Path.Combine(_folder, "stray.db"), "receiver-test", TimeProvider.System);

    /// <summary>A store whose first claim goes through <c>first</c> (which writes the claim and then fails); the rest go straight through.</summary>
    private sealed class StrayClaimStore(SqliteCollectorStateStore inner, Func<ICollectorStateStore, RunRecord, TimeSpan, CancellationToken, Task<RunClaim>> first)
        : ForwardingStateStore(inner)
    {
        private int _claims;

        public override async Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _claims) != 1)
            {
                return await Inner.TryClaimAsync(run, lease, cancellationToken);
            }

            return await first(Inner, run, lease, cancellationToken);
        }
    }
}
