namespace HeloData.Reports.Rows;

/// <summary>
/// A seekable stream whose single-byte reads past the end throw instead of returning -1. Parquet.Net
/// reads page headers byte by byte and takes -1 as <c>0xFF</c>: a damaged offset that points near the
/// end of the file makes its varint reader loop forever on those. Reading through this it fails at once.
/// Block reads keep the usual contract (0 at the end).
/// </summary>
internal sealed class EndCheckedStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int ReadByte()
    {
        var value = inner.ReadByte();
        return value >= 0 ? value : throw new EndOfStreamException($"Read past the end of the parquet file ({inner.Length} bytes): an offset or length in it is damaged.");
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
