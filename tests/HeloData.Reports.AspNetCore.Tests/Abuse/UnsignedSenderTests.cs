using System.Net;
using HeloData.Reports.AspNetCore.Tests.Hosting;
using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests.Abuse;

/// <summary>
/// Senders who cannot sign, many at once, with big bodies: what they make the receiver hold on disk and
/// in open files stays bounded by <see cref="ReportWebhookOptions.MaxConcurrentDeliveries"/> ×
/// <see cref="ReportWebhookOptions.MaxDeliveryBytes"/>, and whatever they sent is gone afterwards.
/// Bytes and files are asserted, never timings.
/// </summary>
public sealed class UnsignedSenderTests
{
    private const int Senders = 50;
    private const int Cap = 4;
    private const long Limit = 8 * 1024 * 1024;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private string _temp = null!;
    private SpoolProbe _spool = null!;
    private Receiver _receiver = null!;
    private int _calls;

    [SetUp]
    public async Task SetUp()
    {
        _calls = 0;
        _temp = Directory.CreateTempSubdirectory("helodata-abuse-").FullName;
        _spool = new SpoolProbe(_temp);
        _receiver = await Receiver.StartAsync(
            (_, _) => { Interlocked.Increment(ref _calls); return Task.CompletedTask; },
            o => { o.TemporaryDirectory = _temp; o.MaxDeliveryBytes = Limit; o.MaxConcurrentDeliveries = Cap; },
            Stores.InMemory());
    }

    [TearDown]
    public async Task TearDown()
    {
        await _receiver.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }

    [Test]
    public async Task Fifty_unsigned_100_MiB_senders_are_refused_before_their_bodies_and_leave_nothing()
    {
        var senders = await Task.WhenAll(Enumerable.Range(0, Senders).Select(async i =>
        {
            var sender = await RawSender.ConnectAsync(_receiver.Address);
            await sender.SendHeadAsync(_receiver.Address, DeliveryPrecheckTests.Headers("no-signature", $"run_unsigned_{i}"), i % 2 == 0 ? 100L * 1024 * 1024 : null);
            return sender;
        }));
        try
        {
            var answers = await Task.WhenAll(senders.Select(s => s.ReadResponseAsync()));

            Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(401), "half with Content-Length, half chunked; none sent a body byte");
            Assert.That(_spool.Files(), Is.Empty);
            Assert.That(_calls, Is.Zero);
        }
        finally
        {
            await Task.WhenAll(senders.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    [Test]
    public async Task Fifty_concurrent_forged_senders_hold_at_most_the_cap_of_spool_files_and_bytes_and_the_rest_get_503()
    {
        var chunk = new byte[256 * 1024];
        var senders = await Task.WhenAll(Enumerable.Range(0, Senders).Select(async i =>
        {
            var sender = await RawSender.ConnectAsync(_receiver.Address);
            await sender.SendHeadAsync(_receiver.Address, DeliveryPrecheckTests.Headers("none", $"run_forged_{i}"), null);
            return sender;
        }));
        using var stop = new CancellationTokenSource();

        // Every sender streams without end; only the admitted ones are read, so they grow toward the limit.
        var streams = senders.Select(s => Task.Run(() => s.StreamChunksAsync(chunk, total: null, stop.Token))).ToList();
        try
        {
            var answers = senders.Select(s => s.ReadResponseAsync()).ToList();

            // Measured during the attack, until every sender had its answer.
            var (maxFiles, maxBytes, maxOpen) = (0, 0L, 0);
            var deadline = DateTime.UtcNow + Guard;
            while (!answers.All(a => a.IsCompleted) && DateTime.UtcNow < deadline)
            {
                maxFiles = Math.Max(maxFiles, _spool.Files().Length);
                maxBytes = Math.Max(maxBytes, _spool.Bytes());
                if (OperatingSystem.IsLinux())
                {
                    maxOpen = Math.Max(maxOpen, _spool.OpenFiles());
                }

                await Task.Delay(10);
            }

            var statuses = (await Task.WhenAll(answers)).Select(a => a.Status).ToList();

            var answered = $"answers: {string.Join(",", statuses.Order())}";
            Assert.That(statuses.Count(s => s == 503), Is.EqualTo(Senders - Cap), answered);
            Assert.That(statuses.Count(s => s == 413), Is.EqualTo(Cap), $"the admitted ones were cut off at the limit; {answered}");
            Assert.That(maxFiles, Is.InRange(1, Cap), "spool files at once");
            Assert.That(maxBytes, Is.LessThanOrEqualTo(Cap * Limit), "bytes on disk at once");
            Assert.That(maxOpen, Is.LessThanOrEqualTo(Cap), "spool files open at once");
            Assert.That(_calls, Is.Zero);
        }
        finally
        {
            // Writers first: a sender disposed under a running write would end it in ObjectDisposedException.
            stop.Cancel();
            await Task.WhenAll(streams);
            await Task.WhenAll(senders.Select(s => s.DisposeAsync().AsTask()));
        }

        Assert.That(await SpoolEmptiesAsync(), Is.True, "every spool file is deleted once its sender is answered");
        Assert.That(_receiver.Logs.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_503_says_when_to_retry()
    {
        var holders = new List<RawSender>();
        try
        {
            for (var i = 0; i < Cap; i++)
            {
                var holder = await RawSender.ConnectAsync(_receiver.Address);
                holders.Add(holder);
                await holder.SendHeadAsync(_receiver.Address, DeliveryPrecheckTests.Headers("none", $"run_holder_{i}"), 1000);
                await holder.SendAsync(new byte[10]);
            }

            Assert.That(await SpoolCountReachesAsync(Cap), Is.True, "every holder is being spooled");
            await using var extra = await RawSender.ConnectAsync(_receiver.Address);
            await extra.SendHeadAsync(_receiver.Address, DeliveryPrecheckTests.Headers("none", "run_extra"), 1000);

            var response = await extra.ReadResponseAsync();

            Assert.That(response.Status, Is.EqualTo(503));
            Assert.That(response.Headers["Retry-After"], Is.EqualTo("5"));
        }
        finally
        {
            await Task.WhenAll(holders.Select(h => h.DisposeAsync().AsTask()));
        }

        // A place freed by a sender that gave up is free again: a signed delivery is handled.
        Assert.That(await SpoolEmptiesAsync(), Is.True);
        using var signed = await Deliveries.SendAsync(_receiver.Address, "run_after", Deliveries.Csv());
        Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(true, TestName = "A signed-but-wrong body declared over the limit is 413 before it is read")]
    [TestCase(false, TestName = "A signed-but-wrong chunked body over the limit is cut off at the limit")]
    public async Task A_signed_but_wrong_body_over_the_limit_leaves_nothing(bool contentLength)
    {
        // Signed, but under a secret this receiver does not have: it passes every check but the last.
        var timestamp = Deliveries.Now();
        var signature = Deliveries.Sign(Deliveries.OtherSecret, "run_wrong", timestamp, new byte[3 * Limit]);
        await using var sender = await RawSender.ConnectAsync(_receiver.Address);
        await sender.SendHeadAsync(_receiver.Address, [("webhook-id", "run_wrong"), ("webhook-timestamp", timestamp), ("webhook-signature", signature)], contentLength ? 3 * Limit : null);
        using var stop = new CancellationTokenSource();
        var streaming = contentLength ? Task.FromResult(UploadEnd.Stopped) : Task.Run(() => sender.StreamChunksAsync(new byte[64 * 1024], 3 * Limit, stop.Token));
        try
        {
            var answer = sender.ReadResponseAsync();
            var maxBytes = 0L;
            while (!answer.IsCompleted)
            {
                maxBytes = Math.Max(maxBytes, _spool.Bytes());
                await Task.Delay(5);
            }

            Assert.That((await answer).Status, Is.EqualTo(413));
            Assert.That(maxBytes, Is.LessThanOrEqualTo(Limit));
            Assert.That(await SpoolEmptiesAsync(), Is.True);
            Assert.That(_calls, Is.Zero);
        }
        finally
        {
            // The writer may still be in a write the server no longer reads: stop it and let it end before
            // the sender (declared first, so disposed last) closes the socket under it.
            stop.Cancel();
            await streaming;
        }
    }

    private Task<bool> SpoolEmptiesAsync() => WaitForAsync(() => _spool.Files().Length == 0);

    private Task<bool> SpoolCountReachesAsync(int count) => WaitForAsync(() => _spool.Files().Length == count);

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
