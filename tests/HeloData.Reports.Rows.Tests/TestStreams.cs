namespace HeloData.Reports.Rows.Tests;

/// <summary>A stream as a download is one: forward only, asynchronous only, and telling whether it was disposed.</summary>
internal sealed class NetworkLikeStream(byte[] bytes, int chunk = 1000) : Stream
{
    private int _position;

    /// <summary>When set, reads past this offset wait for it: the rest of the body has not arrived yet.</summary>
    public TaskCompletionSource? Gate { get; init; }

    public int GateAt { get; init; } = int.MaxValue;

    public bool Disposed { get; private set; }

    public override bool CanRead => !Disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_position >= GateAt && Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        await Task.Yield();
        var limit = _position < GateAt ? GateAt : bytes.Length;
        var count = Math.Min(Math.Min(buffer.Length, chunk), Math.Min(limit, bytes.Length) - _position);
        bytes.AsSpan(_position, count).CopyTo(buffer.Span);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously, as a download must be");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
