namespace HeloData.Reports.Tests.Content;

/// <summary>The first bytes, read to tell the format, given back before the rest, by every kind of read; the inner stream disposed unless left open.</summary>
public sealed class ReplayStreamTests
{
    [Test]
    public async Task The_head_comes_back_first_then_the_rest_asynchronously()
    {
        var inner = new MemoryStream([3, 4, 5]);
        using var replay = new ReplayStream(new byte[] { 1, 2 }, inner, leaveOpen: false);
        var copy = new MemoryStream();

        await replay.CopyToAsync(copy);
        replay.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
            Assert.That(inner.CanRead, Is.False, "disposed with the replay");
        });
    }

    [Test]
    public void The_head_comes_back_first_then_the_rest_synchronously_and_the_inner_stream_stays_open()
    {
        var inner = new MemoryStream([3, 4]);
        var replay = new ReplayStream(new byte[] { 1, 2 }, inner, leaveOpen: true);
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
            Assert.That(replay.Length, Is.EqualTo(2), "the inner stream's length: the head is its own first bytes");
        });
    }
}
