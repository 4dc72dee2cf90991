using HeloData.Reports.Testing.Http;

namespace HeloData.Reports.Testing.Tests.Http;

/// <summary>The sandbox's cut response body: the first bytes through, then a refusal; asynchronous writes only, as a server's body.</summary>
public sealed class CutStreamTests
{
    [Test]
    public async Task It_lets_the_limit_through_and_refuses_the_rest()
    {
        var inner = new MemoryStream();
        await using var cut = new CutStream(inner, limit: 3);

        await cut.WriteAsync(new byte[] { 1, 2 }, 0, 2);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await cut.WriteAsync(new byte[] { 3, 4 }.AsMemory()), Throws.InstanceOf<CutStream.LimitReachedException>());
            Assert.That(inner.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task Synchronous_writes_and_flushes_and_reads_are_refused()
    {
        await using var cut = new CutStream(new MemoryStream(), limit: 3);

        Assert.Multiple(() =>
        {
            Assert.That(() => cut.Write([1], 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => cut.Flush(), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => cut.Read(new byte[1], 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await cut.ReadAsync(new byte[1], 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => cut.Length, Throws.InstanceOf<NotSupportedException>());
        });
        Assert.That(async () => await cut.FlushAsync(), Throws.Nothing);
    }
}
