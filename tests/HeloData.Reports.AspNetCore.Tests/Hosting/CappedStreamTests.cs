namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>The delivery body's size cap: writes pass until the limit, the one past it is refused, and it only writes.</summary>
public sealed class CappedStreamTests
{
    [Test]
    public async Task Writes_pass_up_to_the_limit_and_the_one_past_it_is_refused()
    {
        var inner = new MemoryStream();
        using var capped = new CappedStream(inner, limit: 5);

        await capped.WriteAsync(new byte[] { 1, 2, 3 }, 0, 3);
        capped.Write([4, 5], 0, 2);

        Assert.Multiple(() =>
        {
            Assert.That(capped.Length, Is.EqualTo(5));
            Assert.That(capped.Position, Is.EqualTo(5));
            Assert.That(async () => await capped.WriteAsync(new byte[] { 6 }.AsMemory()), Throws.InstanceOf<DeliveryTooLargeException>());
            Assert.That(inner.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        });
    }

    [Test]
    public void It_flushes_what_it_wraps_and_refuses_reads_and_seeks()
    {
        var inner = new FlushCounting();
        using var capped = new CappedStream(inner, limit: 5);

        capped.Flush();

        Assert.Multiple(() =>
        {
            Assert.That(inner.Flushes, Is.EqualTo(1));
            Assert.That(capped.CanRead, Is.False);
            Assert.That(capped.CanSeek, Is.False);
            Assert.That(() => capped.Read(new byte[1], 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await capped.ReadAsync(new byte[1].AsMemory()), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => capped.Position = 0, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => capped.Seek(0, SeekOrigin.Begin), Throws.InstanceOf<NotSupportedException>());
        });
    }

    private sealed class FlushCounting : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Flush() => Flushes++;
    }
}
