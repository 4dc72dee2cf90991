namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// Where an encoder writes, synchronously and in memory, what it then hands on with
/// <see cref="DrainAsync"/>: the writers the encoders use (Sep's, <see cref="System.Text.Json.Utf8JsonWriter"/>,
/// Parquet.Net's) write and flush synchronously, which a server's response body refuses, so they write
/// here and the encoder drains it between rows or row groups. Write-only and not seekable (Parquet.Net
/// then counts the position itself); it holds at most what was written since the last drain.
/// </summary>
internal sealed class PendingBytes : ForwardOnlyStream
{
    /// <summary>How much the delimited and NDJSON encoders let pile up before they drain.</summary>
    public const int DrainThreshold = 64 * 1024;

    private byte[] _buffer = new byte[DrainThreshold + (DrainThreshold / 2)];
    private int _count;

    /// <summary>The bytes written since the last drain.</summary>
    public int Count => _count;

    public override bool CanRead => false;

    public override bool CanWrite => true;

    /// <summary>Writes what is held to <paramref name="destination"/> and forgets it.</summary>
    /// <param name="destination">Where the artifact goes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once <paramref name="destination"/> took the bytes.</returns>
    public async Task DrainAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (_count > 0)
        {
            await destination.WriteAsync(_buffer.AsMemory(0, _count), cancellationToken).ConfigureAwait(false);
            _count = 0;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_count + buffer.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + buffer.Length));
        }

        buffer.CopyTo(_buffer.AsSpan(_count));
        _count += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }
}
