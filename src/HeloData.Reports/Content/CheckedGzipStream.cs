using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace HeloData.Reports;

/// <summary>
/// Decompresses gzip (RFC 1952) member by member and notices when it was cut short. .NET's
/// <see cref="GZipStream"/> ends quietly when its input stops mid-member (or mid-trailer), which would
/// turn a truncated file into a shorter, valid-looking one, and it cannot say where one member ends.
/// So the framing is read here: each member's header is parsed, its deflate data inflated with a raw
/// <see cref="DeflateStream"/>, and its trailer (CRC-32 and length of what came out) found right after
/// it and checked. Members follow one another (concatenated gzip files are one file); zero bytes after
/// the last are padding; anything else after it, or an input ending inside a member, is an error.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private const int BufferSize = 64 * 1024;
    private const int TrailerLength = 8;

    private readonly Stream _compressed;
    private byte[] _buffer = new byte[BufferSize];
    private readonly Crc32 _crc = new();
    private readonly MemberInput _input;
    private DeflateStream? _member;
    private int _start;
    private int _end;
    private int _chunkStart;
    private bool _eof;
    private bool _starved;
    private bool _inflating;
    private bool _done;
    private long _memberLength;
    private long _length;
    private int _members;

    public CheckedGzipStream(Stream compressed)
    {
        _compressed = compressed;
        _input = new MemberInput(this);
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
        while (!buffer.IsEmpty && !_done)
        {
            if (_member is null && !await StartMemberAsync(cancellationToken).ConfigureAwait(false))
            {
                _done = true;
                break;
            }

            var count = await _member!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                _crc.Append(buffer.Span[..count]);
                _memberLength += count;
                _length += count;
                return count;
            }

            await EndMemberAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The readers read asynchronously; a synchronous read (a caller's own stream, read by a library) waits on the same path.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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
            _member?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; <see langword="false"/> at the end of the gzip data (its end, or zero padding to it).</summary>
    private async ValueTask<bool> StartMemberAsync(CancellationToken cancellationToken)
    {
        if (_members > 0 && !await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (_members > 0 && _buffer[_start] == 0)
        {
            await SkipPaddingAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!await EnsureAsync(10, cancellationToken).ConfigureAwait(false))
        {
            throw Cut("inside a gzip member's header");
        }

        var header = _buffer.AsSpan(_start, 10);
        if (header[0] != 0x1f || header[1] != 0x8b)
        {
            throw new InvalidDataException(
                $"After {_members} gzip member(s) ({_length} bytes decompressed) come bytes that are not another member ({Convert.ToHexString(header[..2])}): the gzip data is damaged.");
        }

        if (header[2] != 8 || (header[3] & 0xE0) != 0)
        {
            throw new InvalidDataException($"gzip member {_members + 1} has method {header[2]} and flags {header[3]:x2}: only deflate (8), with the flags RFC 1952 defines, is gzip.");
        }

        var flags = header[3];
        _start += 10;
        if ((flags & 0x04) != 0)
        {
            // FEXTRA: a 2-byte length, then that many bytes.
            if (!await EnsureAsync(2, cancellationToken).ConfigureAwait(false))
            {
                throw Cut("inside a gzip member's header");
            }

            var extra = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_start, 2));
            _start += 2;
            await SkipAsync(extra, cancellationToken).ConfigureAwait(false);
        }

        if ((flags & 0x08) != 0)
        {
            await SkipTerminatedAsync(cancellationToken).ConfigureAwait(false); // FNAME
        }

        if ((flags & 0x10) != 0)
        {
            await SkipTerminatedAsync(cancellationToken).ConfigureAwait(false); // FCOMMENT
        }

        if ((flags & 0x02) != 0)
        {
            await SkipAsync(2, cancellationToken).ConfigureAwait(false); // FHCRC
        }

        _members++;
        _memberLength = 0;
        _crc.Reset();
        _starved = false;
        _chunkStart = _start;
        _inflating = true;
        _member = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>
    /// The deflate data ended: its trailer comes next. The inflater read ahead of it, but only within
    /// the last chunk it was given (it asks for more only when it has used up what it has), so the
    /// trailer starts in that chunk or right after it, and is found there by its expected bytes.
    /// </summary>
    private async ValueTask EndMemberAsync(CancellationToken cancellationToken)
    {
        _member!.Dispose();
        _member = null;
        if (_starved)
        {
            throw Cut("inside a gzip member's deflate data");
        }

        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_memberLength));
        var expected = trailer.ToArray();

        // Keep the last chunk in the buffer and have the trailer's bytes after it, and the two after those
        // (the next member's magic, if one follows).
        Compact(_chunkStart);
        await EnsureAsync(TrailerLength + 2, cancellationToken).ConfigureAwait(false);
        var window = _buffer.AsSpan(_chunkStart, Math.Min(_end, _start + TrailerLength) - _chunkStart);
        var found = FindTrailer(window, expected);
        if (found < 0)
        {
            throw _eof && _end - _start < TrailerLength
                ? Cut("before a gzip member's trailer")
                : new InvalidDataException(
                    $"gzip member {_members}'s trailer does not match the {_memberLength} bytes that came out of it (CRC-32 and length): the artifact is damaged or cut short.");
        }

        _start = _chunkStart + found + TrailerLength;
        _chunkStart = _start;
        _inflating = false;
    }

    /// <summary>
    /// Where the trailer starts in <paramref name="window"/>. Its bytes can also occur a little earlier: an
    /// empty member's trailer is eight zero bytes, and its deflate data (<c>03 00</c>) ends in a zero. So of
    /// the places the bytes match, the first one followed by the end of the input or by another member's
    /// magic (<c>1f 8b</c>) wins; failing that (zero padding, or damage the next step reports), the first.
    /// </summary>
    private int FindTrailer(ReadOnlySpan<byte> window, ReadOnlySpan<byte> expected)
    {
        var first = window.IndexOf(expected);
        for (var at = first; at >= 0;)
        {
            var after = _chunkStart + at + TrailerLength;
            if ((after == _end && _eof) || (after + 1 < _end && _buffer[after] == 0x1f && _buffer[after + 1] == 0x8b))
            {
                return at;
            }

            var next = window[(at + 1)..].IndexOf(expected);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return first;
    }

    private async ValueTask SkipPaddingAsync(CancellationToken cancellationToken)
    {
        while (await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
        {
            var rest = _buffer.AsSpan(_start, _end - _start);
            var other = rest.IndexOfAnyExcept((byte)0);
            if (other >= 0)
            {
                throw new InvalidDataException(
                    $"After the gzip data ({_length} bytes decompressed) and zero padding come other bytes: the artifact is damaged (or is not gzip past that point).");
            }

            _start = _end;
        }
    }

    private async ValueTask SkipAsync(int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (!await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
            {
                throw Cut("inside a gzip member's header");
            }

            var step = Math.Min(count, _end - _start);
            _start += step;
            count -= step;
        }
    }

    private async ValueTask SkipTerminatedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
            {
                throw Cut("inside a gzip member's header");
            }

            var zero = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)0);
            if (zero >= 0)
            {
                _start += zero + 1;
                return;
            }

            _start = _end;
        }
    }

    /// <summary>Reads until <paramref name="count"/> unread bytes are buffered; <see langword="false"/> when the input ends first.</summary>
    private async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (_eof)
            {
                return false;
            }

            if (_end == _buffer.Length)
            {
                // While a member inflates, its last chunk may still hold the trailer: keep it.
                Compact(_inflating ? Math.Min(_chunkStart, _start) : _start);
                if (_end == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            var read = await _compressed.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _eof = read == 0;
            _end += read;
        }

        return true;
    }

    /// <summary>Moves the bytes from <paramref name="from"/> on to the buffer's start.</summary>
    private void Compact(int from)
    {
        if (from == 0)
        {
            return;
        }

        _buffer.AsSpan(from, _end - from).CopyTo(_buffer);
        _start -= from;
        _end -= from;
        _chunkStart = Math.Max(0, _chunkStart - from);
    }

    private InvalidDataException Cut(string where) =>
        new($"The gzip data ends {where}, after {_length} bytes decompressed: the artifact was cut short.");

    /// <summary>What the current member's inflater reads: the buffered input, then more from the source, remembering the last chunk given.</summary>
    private sealed class MemberInput(CheckedGzipStream owner) : Stream
    {
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
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (owner._start == owner._end)
            {
                // The inflater used up every byte it was given: the last chunk is no longer needed.
                owner._start = owner._end = owner._chunkStart = 0;
                if (!await owner.EnsureAsync(1, cancellationToken).ConfigureAwait(false))
                {
                    owner._starved = true;
                    return 0;
                }
            }

            var count = Math.Min(buffer.Length, owner._end - owner._start);
            owner._buffer.AsMemory(owner._start, count).CopyTo(buffer);
            owner._chunkStart = owner._start;
            owner._start += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
