namespace HeloData.Reports.Tests.Content;

/// <summary>The first bytes, read to tell the format, given back before the rest, by every kind of read; the inner stream is left open.</summary>
public sealed class ReplayStreamTests
{
    [Test]
    public async Task The_head_comes_back_first_then_the_rest_asynchronously()
    {
        var inner = new MemoryStream([3, 4, 5]);
        using var replay = new ReplayStream(new byte[] { 1, 2 }, inner);
        var copy = new MemoryStream();

        await replay.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void The_head_comes_back_first_then_the_rest_synchronously_and_the_inner_stream_stays_open()
    {
        var inner = new MemoryStream([3, 4]);
        var replay = new ReplayStream(new byte[] { 1, 2 }, inner);
        var buffer = new byte[4];

        var first = replay.Read(buffer, 0, 1);
        var second = replay.Read(buffer, 1, 3);
        var third = replay.Read(buffer, 2, 2);
        replay.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That((first, second, third), Is.EqualTo((1, 1, 2)), "the head never mixes with the inner stream's bytes in one read");
            Assert.That(buffer, Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
            Assert.That(inner.CanRead, Is.True);
            Assert.That(replay.CanSeek, Is.False);
        });
    }
}
