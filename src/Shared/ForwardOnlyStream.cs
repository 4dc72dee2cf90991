namespace HeloData.Reports;

/// <summary>
/// A stream that goes one way and never back: not seekable, no length or position, and every read or
/// write refused with <see cref="NotSupportedException"/> until a subclass supports it. A subclass says
/// which way it goes (<see cref="Stream.CanRead"/>, <see cref="Stream.CanWrite"/>) and overrides the
/// calls it takes: the array-based asynchronous calls reach its <see cref="Memory{T}"/> overloads, and
/// one it does not override is refused rather than sent back and forth between <see cref="Stream"/>'s
/// defaults. Nothing is buffered here, so flushing does nothing. Shared source, linked into each package
/// that needs it (one internal copy per assembly), like <c>tests/Shared</c>.
/// </summary>
internal abstract class ForwardOnlyStream : Stream
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
}
