namespace HeloData.Reports.Testing.Http;

/// <summary>
/// A response body that lets the first <c>limit</c> bytes through and then refuses with
/// <see cref="LimitReachedException"/>, which stops whatever was generating the body: how a streamed
/// artifact is cut short for a truncated or stalled download.
/// </summary>
internal sealed class CutStream(Stream inner, int limit) : ForwardOnlyStream
{
    private int _left = limit;

    public override bool CanRead => false;

    public override bool CanWrite => true;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        var passed = Math.Min(_left, buffer.Length);
        if (passed > 0)
        {
            await inner.WriteAsync(buffer[..passed], cancellationToken).ConfigureAwait(false);
            _left -= passed;
        }

        if (passed < buffer.Length)
        {
            throw new LimitReachedException();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    // A server's response body takes asynchronous writes only, and so does this one (ForwardOnlyStream refuses a synchronous Write).
    public override void Flush() => throw new NotSupportedException();

    /// <summary>The body reached its limit: the rest is not sent.</summary>
    internal sealed class LimitReachedException() : Exception("The response body was cut at its limit on purpose.");
}

/// <summary>
/// Thrown by a handler to end a response whose body has started without completing it. A chunked body
/// ends with an empty chunk, which Kestrel writes when the handler returns; when the handler throws
/// after the response started, Kestrel closes the connection instead, after sending what was written
/// (as it does for a body shorter than its <c>Content-Length</c>). <c>HttpContext</c>'s
/// <c>Abort</c> would end it too, but could discard bytes not yet on the wire.
/// </summary>
internal sealed class ResponseCutException() : Exception("The response was left incomplete on purpose (an injected download fault).");
