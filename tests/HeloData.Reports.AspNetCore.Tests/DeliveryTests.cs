using System.Net;
using System.Security.Cryptography;
using HeloData.Reports.AspNetCore.Tests.Support;
using HeloData.Reports.Models;
using HeloData.Reports.Rows;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>What a handler gets, the size limit, and the temporary file.</summary>
public sealed class DeliveryTests
{
    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("helodata-webhook-spool-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    public async Task The_handler_reads_typed_rows_and_sees_signed_and_unverified_values_apart()
    {
        ReportDelivery? seen = null;
        var rows = new List<TrafficRow>();
        await using var receiver = await Start(async (delivery, ct) =>
        {
            seen = delivery;
            await foreach (var row in delivery.ReadRowsAsync<TrafficRow>(ct))
            {
                rows.Add(row);
            }
        });

        using var response = await Deliveries.SendAsync(receiver.Address, "run_rows", Deliveries.Csv(3));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen!.RunId, Is.EqualTo("run_rows"));
        Assert.That(seen.Length, Is.EqualTo(Deliveries.Csv(3).Length));
        Assert.That(seen.Format, Is.EqualTo(ReportFormat.Csv));
        Assert.That(seen.Unverified.ReportId, Is.EqualTo("rep_123"));
        Assert.That(seen.Unverified.ReportType, Is.EqualTo("traffic"));
        Assert.That(rows.Select(r => r.BandwidthBytes), Is.EqualTo(new long[] { 1000, 2000, 3000 }));
    }

    [Test]
    public async Task SaveToAsync_stores_the_exact_bytes_and_replaces_an_old_file()
    {
        var target = Path.Combine(_temp, "saved.csv");
        await File.WriteAllTextAsync(target, "old");
        await using var receiver = await Start((delivery, ct) => delivery.SaveToAsync(target, ct));

        using var response = await Deliveries.SendAsync(receiver.Address, "run_save", Deliveries.Csv(10));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(Deliveries.Csv(10)));
        Assert.That(Directory.GetFiles(_temp), Is.EqualTo(new[] { target }), "no partial file and no spooled copy is left");
    }

    [TestCase(true, TestName = "a Content-Length over the limit")]
    [TestCase(false, TestName = "a chunked body that grows over the limit")]
    public async Task A_body_over_the_limit_is_413_and_leaves_nothing(bool contentLength)
    {
        var calls = 0;
        await using var receiver = await Start((_, _) => { calls++; return Task.CompletedTask; }, o => o.MaxDeliveryBytes = 100_000);
        var body = new byte[300_000];
        var timestamp = Deliveries.Now();
        using var request = Deliveries.Request(receiver.Address, "run_big", body, timestamp: timestamp);
        if (!contentLength)
        {
            request.Content = new StreamContent(new MemoryStream(body));
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await Deliveries.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(calls, Is.Zero);
        Assert.That(SpoolFiles(), Is.Empty);
    }

    [Test]
    public async Task The_temporary_file_is_gone_after_success_refusal_and_failure()
    {
        var spooled = new List<string>();
        await using var receiver = await Start((delivery, _) =>
        {
            spooled.AddRange(SpoolFiles());
            return delivery.RunId == "run_throws" ? throw new InvalidOperationException("handler bug") : Task.CompletedTask;
        });

        using (await Deliveries.SendAsync(receiver.Address, "run_fine", Deliveries.Csv()))
        using (await Deliveries.SendAsync(receiver.Address, "run_throws", Deliveries.Csv()))
        using (await Deliveries.SendAsync(receiver.Address, "run_unsigned", Deliveries.Csv(), change: r => r.Headers.Remove("webhook-signature")))
        {
        }

        Assert.That(spooled, Has.Count.EqualTo(2), "the artifact was in the temporary folder while each handler ran");
        Assert.That(SpoolFiles(), Is.Empty);
        Assert.That(Directory.GetFiles(_temp), Is.Empty);
    }

    [Test]
    public async Task A_100_MiB_delivery_is_verified_and_stored_without_being_held_in_memory()
    {
        const long size = 100L * 1024 * 1024;
        var target = Path.Combine(_temp, "big.bin");
        await using var receiver = await Start((delivery, ct) => delivery.SaveToAsync(target, ct), o => o.MaxDeliveryBytes = 200L * 1024 * 1024);
        var timestamp = Deliveries.Now();
        var (signature, sha) = SignGenerated(size, timestamp);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Address) { Content = new StreamContent(new GeneratedStream(size), 64 * 1024) };
        request.Content.Headers.ContentLength = size;
        request.Headers.Add("webhook-id", "run_100mib");
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature);
        using var response = await Deliveries.Http.SendAsync(request);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(new FileInfo(target).Length, Is.EqualTo(size));
        await using (var saved = File.OpenRead(target))
        {
            Assert.That(await SHA256.HashDataAsync(saved), Is.EqualTo(sha));
        }

        // Sender, server and receiver all in this process, yet far less than the body was allocated: it streamed.
        Assert.That(allocated, Is.LessThan(size / 4));
    }

    private string[] SpoolFiles() => Directory.GetFiles(_temp, "*.spool", SearchOption.AllDirectories);

    private Task<Receiver> Start(Func<ReportDelivery, CancellationToken, Task> handler, Action<ReportWebhookOptions>? configure = null) =>
        Receiver.StartAsync(handler, o => { o.TemporaryDirectory = _temp; configure?.Invoke(o); }, Stores.InMemory());

    private static (string Signature, byte[] Sha256) SignGenerated(long size, string timestamp)
    {
        var key = Convert.FromBase64String(Deliveries.Secret["whsec_".Length..]);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hmac.AppendData(System.Text.Encoding.UTF8.GetBytes($"run_100mib.{timestamp}."));
        using var body = new GeneratedStream(size);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = body.Read(buffer)) > 0)
        {
            hmac.AppendData(buffer.AsSpan(0, read));
            sha.AppendData(buffer.AsSpan(0, read));
        }

        return ("v1," + Convert.ToBase64String(hmac.GetHashAndReset()), sha.GetHashAndReset());
    }

    /// <summary>A long body made up as it is read: the same bytes every time, never all in memory.</summary>
    private sealed class GeneratedStream(long length) : ForwardOnlyStream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position => _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = (byte)((_position + i) * 31 % 251);
            }

            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
    }
}
