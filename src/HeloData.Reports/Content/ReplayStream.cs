namespace HeloData.Reports;

/// <summary>
/// A forward-only stream that first gives back bytes already read from another (the artifact's first
/// bytes, read to tell its format and compression), then reads on from it. Disposes the inner stream
/// unless told to leave it open.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream inner, bool leaveOpen) : ForwardOnlyStream
{
    private ReadOnlyMemory<byte> _head = head;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    // The bytes given back are the inner stream's own first bytes, so the whole is as long as it is (a download's Content-Length).
    public override long Length => inner.Length;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int TakeHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _head.Length);
        _head.Span[..count].CopyTo(buffer);
        _head = _head[count..];
        return count;
    }
}
