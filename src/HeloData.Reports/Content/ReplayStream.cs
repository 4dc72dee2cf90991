namespace HeloData.Reports;

/// <summary>
/// A forward-only stream that first gives back bytes already read from another (the artifact's first
/// bytes, read to tell its format and compression), then reads on from it. Never disposes the inner
/// stream: whoever built the chain (the rows' <c>ArtifactContent</c>) owns it.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream inner) : Stream
{
    private ReadOnlyMemory<byte> _head = head;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head.IsEmpty)
        {
            return inner.ReadAsync(buffer, cancellationToken);
        }

        return new ValueTask<int>(TakeHead(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Sync reads exist for completeness only; the readers read asynchronously.
    public override int Read(byte[] buffer, int offset, int count) =>
        _head.IsEmpty ? inner.Read(buffer, offset, count) : TakeHead(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int TakeHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _head.Length);
        _head.Span[..count].CopyTo(buffer);
        _head = _head[count..];
        return count;
    }
}
