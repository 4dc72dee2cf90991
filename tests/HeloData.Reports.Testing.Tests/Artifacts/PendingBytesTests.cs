using HeloData.Reports.Testing.Artifacts;

namespace HeloData.Reports.Testing.Tests.Artifacts;

/// <summary>Where the encoders write synchronously: every kind of write is held, in order, until drained.</summary>
public sealed class PendingBytesTests
{
    [Test]
    public async Task Every_kind_of_write_is_held_until_drained()
    {
        using var pending = new PendingBytes();
        var destination = new MemoryStream();

        pending.Write([1, 2], 0, 2);
        pending.WriteByte(3);
        await pending.WriteAsync(new byte[] { 4 }, 0, 1);
        await pending.WriteAsync(new byte[] { 5 }.AsMemory());
        pending.Flush();
        await pending.FlushAsync();
        var held = pending.Count;
        await pending.DrainAsync(destination, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(held, Is.EqualTo(5));
            Assert.That(pending.Count, Is.Zero);
            Assert.That(destination.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        });
    }

    [Test]
    public void It_grows_past_its_first_buffer()
    {
        using var pending = new PendingBytes();
        var large = new byte[PendingBytes.DrainThreshold * 3];

        pending.Write(large);

        Assert.That(pending.Count, Is.EqualTo(large.Length));
    }

    [Test]
    public void It_has_no_position_and_cannot_be_read()
    {
        using var pending = new PendingBytes();

        Assert.Multiple(() =>
        {
            Assert.That(pending.CanSeek, Is.False);
            Assert.That(() => pending.Position, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => pending.Read(new byte[1], 0, 1), Throws.InstanceOf<NotSupportedException>());
        });
    }
}
