namespace HeloData.Reports.Tests.Streams;

/// <summary>
/// The base of the SDK's one-way streams (src/Shared/ForwardOnlyStream.cs, linked into each package):
/// what it refuses, and that a call a subclass does not take is refused at once, never passed back and
/// forth between <see cref="Stream"/>'s array and memory defaults.
/// </summary>
public sealed class ForwardOnlyStreamTests
{
    [Test]
    public void It_cannot_seek_and_has_no_length_or_position()
    {
        using var stream = new Reading([1, 2, 3]);

        Assert.Multiple(() =>
        {
            Assert.That(stream.CanSeek, Is.False);
            Assert.That(() => stream.Length, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.Position, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.Position = 0, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.Seek(0, SeekOrigin.Begin), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.SetLength(0), Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public async Task A_reading_stream_takes_every_read_through_its_memory_overload()
    {
        using var stream = new Reading([1, 2, 3, 4]);
        var array = new byte[2];

        var first = await stream.ReadAsync(array, 0, 2);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(2));
            Assert.That(array, Is.EqualTo(new byte[] { 1, 2 }));
            Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 3, 4 }));
            Assert.That(stream.MemoryReads, Is.EqualTo(3), "two reads and the one that found the end");
        });
    }

    [Test]
    public void A_reading_stream_refuses_every_write()
    {
        using var stream = new Reading([1]);

        Assert.Multiple(() =>
        {
            Assert.That(() => stream.Write([1], 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.Write([1]), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.WriteByte(1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await stream.WriteAsync(new byte[1], 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await stream.WriteAsync(new byte[1].AsMemory()), Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public async Task A_writing_stream_takes_every_asynchronous_write_through_its_memory_overload()
    {
        using var stream = new Writing();

        await stream.WriteAsync(new byte[] { 1, 2 }, 0, 2);
        await stream.WriteAsync(new byte[] { 3 }.AsMemory());
        await new MemoryStream([4, 5]).CopyToAsync(stream);

        Assert.That(stream.Written.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void A_writing_stream_refuses_every_read()
    {
        using var stream = new Writing();
        var buffer = new byte[1];

        // Stream's own defaults send ReadAsync(byte[]) and ReadAsync(Memory) to each other: the base must end that at once.
        Assert.Multiple(() =>
        {
            Assert.That(() => stream.Read(buffer, 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.Read(buffer.AsSpan()), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => stream.ReadByte(), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await stream.ReadAsync(buffer, 0, 1), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await stream.ReadAsync(buffer.AsMemory()), Throws.InstanceOf<NotSupportedException>());
            Assert.That(async () => await stream.CopyToAsync(Stream.Null), Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public async Task Flushing_does_nothing_and_honours_a_cancelled_token()
    {
        using var stream = new Writing();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        stream.Flush();
        await stream.FlushAsync();

        Assert.That(async () => await stream.FlushAsync(cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>Reads from an array through the memory overload only, counting the calls.</summary>
    private sealed class Reading(byte[] bytes) : ForwardOnlyStream
    {
        private int _position;

        public int MemoryReads { get; private set; }

        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            MemoryReads++;
            var count = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return ValueTask.FromResult(count);
        }
    }

    /// <summary>Keeps what is written through the memory overload only.</summary>
    private sealed class Writing : ForwardOnlyStream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanWrite => true;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Written.WriteAsync(buffer, cancellationToken);
    }
}
