using System.IO.Compression;

namespace HeloData.Reports.Models;

/// <summary>
/// Decompresses gzip and notices when it was cut short. .NET's <see cref="GZipStream"/> ends quietly
/// when its input stops mid-stream, which would turn a truncated file into a shorter, valid-looking
/// one; so the last four bytes of the input (the gzip trailer's ISIZE, the length mod 2^32) are
/// checked against the bytes that came out. A file made of several gzip members fails this check too,
/// and is reported as possibly cut short: the SDK supports one member, as every gzip tool writes.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private long _length;
    private bool _checked;

    public CheckedGzipStream(Stream compressed)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override bool CanRead => true;

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
        var count = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(count, buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Account(_gzip.Read(buffer, offset, count), count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(int count, int asked)
    {
        _length += count;
        if (count == 0 && asked > 0 && !_checked)
        {
            _checked = true;
            if (!_compressed.TailIs((uint)_length))
            {
                throw new InvalidDataException(
                    $"The gzip data ends before its end marker after {_length} bytes decompressed: the artifact was cut short (or holds several gzip members, which is not supported).");
            }
        }

        return count;
    }

    /// <summary>Passes reads through and remembers the last four bytes seen.</summary>
    private sealed class TailStream(Stream inner) : Stream
    {
        private readonly byte[] _tail = new byte[4];
        private int _seen;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public bool TailIs(uint size) => _seen >= 4 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_tail) == size;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Remember(buffer.Span[..count]);
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Remember(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void Remember(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length >= 4)
            {
                bytes[^4..].CopyTo(_tail);
            }
            else if (!bytes.IsEmpty)
            {
                // Shift the older bytes left and append the new ones.
                _tail.AsSpan(bytes.Length).CopyTo(_tail);
                bytes.CopyTo(_tail.AsSpan(4 - bytes.Length));
            }

            _seen += bytes.Length;
        }
    }
}
