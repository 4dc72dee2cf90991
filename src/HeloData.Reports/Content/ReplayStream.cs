namespace HeloData.Reports;

/// <summary>
/// A forward-only stream that first gives back bytes already read from another (the artifact's first
/// bytes, read to tell its format and compression), then reads on from it. Never disposes the inner
/// stream: whoever built the chain (the rows' <c>ArtifactContent</c>) owns it.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream inner) : ForwardOnlyStream
{
    private ReadOnlyMemory<byte> _head = head;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head.IsEmpty)
        {
            return inner.ReadAsync(buffer, cancellationToken);
        }

        return new ValueTask<int>(TakeHead(buffer.Span));
    }

    // Sync reads exist for completeness only; the readers read asynchronously.
    public override int Read(byte[] buffer, int offset, int count) =>
        _head.IsEmpty ? inner.Read(buffer, offset, count) : TakeHead(buffer.AsSpan(offset, count));

    private int TakeHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _head.Length);
        _head.Span[..count].CopyTo(buffer);
        _head = _head[count..];
        return count;
    }
}
