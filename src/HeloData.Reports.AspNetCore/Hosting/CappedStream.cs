namespace HeloData.Reports.AspNetCore;

/// <summary>A write-only pass-through that refuses to grow past a limit: how an oversized delivery is stopped mid-body.</summary>
internal sealed class CappedStream(Stream inner, long limit) : ForwardOnlyStream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position => _written;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _written += buffer.Length;
        return _written > limit ? throw new DeliveryTooLargeException() : inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _written += count;
        if (_written > limit)
        {
            throw new DeliveryTooLargeException();
        }

        inner.Write(buffer, offset, count);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}

/// <summary>The body went past <see cref="ReportWebhookOptions.MaxDeliveryBytes"/>.</summary>
internal sealed class DeliveryTooLargeException : Exception;
