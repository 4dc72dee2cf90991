namespace HeloData.Reports;

/// <summary>
/// The compressed bytes under a <see cref="CheckedGzipStream"/>: one buffer over the source, from which the
/// members' headers are read and each member's inflater is fed (<see cref="Inflater"/>). The inflater reads
/// ahead of its deflate data, but only within the last chunk it was given (it asks for more only when it has
/// used up what it has), so that chunk is kept until the member ends: the member's trailer starts in it or
/// right after it (<see cref="TakeTrailerAsync"/>).
/// </summary>
internal sealed class GzipInput
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _source;
    private byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private int _chunkStart;
    private bool _eof;
    private bool _inflating;

    public GzipInput(Stream source)
    {
        _source = source;
        Inflater = new InflaterInput(this);
    }

    /// <summary>What a member's <see cref="System.IO.Compression.DeflateStream"/> reads: the buffered bytes, then more from the source.</summary>
    public Stream Inflater { get; }

    /// <summary>Whether the inflater asked for more and the source had ended: the deflate data was cut short.</summary>
    public bool Starved { get; private set; }

    /// <summary>The bytes buffered and not yet taken.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Whether the source has ended and fewer than <paramref name="count"/> bytes are left.</summary>
    public bool EndedWithin(int count) => _eof && _end - _start < count;

    /// <summary>Takes <paramref name="count"/> buffered bytes.</summary>
    public void Take(int count) => _start += count;

    /// <summary>Reads until <paramref name="count"/> unread bytes are buffered; <see langword="false"/> when the source ends first.</summary>
    public async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
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

            var read = await _source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _eof = read == 0;
            _end += read;
        }

        return true;
    }

    /// <summary>Reads to the end of the source; <see langword="false"/> at the first byte that is not zero.</summary>
    public async ValueTask<bool> SkipZerosAsync(CancellationToken cancellationToken)
    {
        while (await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (Unread.IndexOfAnyExcept((byte)0) >= 0)
            {
                return false;
            }

            _start = _end;
        }

        return true;
    }

    /// <summary>A member's deflate data starts at the next unread byte.</summary>
    public void BeginMember()
    {
        Starved = false;
        _chunkStart = _start;
        _inflating = true;
    }

    /// <summary>
    /// The deflate data ended: finds <paramref name="trailer"/> in the last chunk the inflater was given or
    /// right after it, and takes the bytes up to its end; <see langword="false"/> when it is not there. Its
    /// bytes can also occur a little earlier: an empty member's trailer is eight zero bytes, and its deflate
    /// data (<c>03 00</c>) ends in a zero. So of the places the bytes match, the first one followed by the
    /// end of the input or by another member's magic (<c>1f 8b</c>) wins; failing that (zero padding, or
    /// damage the next step reports), the first.
    /// </summary>
    public async ValueTask<bool> TakeTrailerAsync(byte[] trailer, CancellationToken cancellationToken)
    {
        // Keep the last chunk in the buffer and have the trailer's bytes after it, and the two after those
        // (the next member's magic, if one follows).
        Compact(_chunkStart);
        await EnsureAsync(trailer.Length + 2, cancellationToken).ConfigureAwait(false);
        var window = _buffer.AsSpan(_chunkStart, Math.Min(_end, _start + trailer.Length) - _chunkStart);
        var first = window.IndexOf(trailer);
        var found = first;
        for (var at = first; at >= 0;)
        {
            var after = _chunkStart + at + trailer.Length;
            if ((after == _end && _eof) || (after + 1 < _end && _buffer[after] == 0x1f && _buffer[after + 1] == 0x8b))
            {
                found = at;
                break;
            }

            var next = window[(at + 1)..].IndexOf(trailer);
            at = next < 0 ? -1 : at + 1 + next;
        }

        if (found < 0)
        {
            return false;
        }

        _start = _chunkStart = _chunkStart + found + trailer.Length;
        _inflating = false;
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

    /// <summary>What the inflater reads: the buffered bytes, then more from the source, remembering the last chunk given.</summary>
    private async ValueTask<int> FeedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_start == _end)
        {
            // The inflater used up every byte it was given: the last chunk is no longer needed.
            _start = _end = _chunkStart = 0;
            if (!await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
            {
                Starved = true;
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _end - _start);
        _buffer.AsMemory(_start, count).CopyTo(buffer);
        _chunkStart = _start;
        _start += count;
        return count;
    }

    private sealed class InflaterInput(GzipInput input) : ForwardOnlyStream
    {
        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.FeedAsync(buffer, cancellationToken);

        // The readers read asynchronously; a synchronous read (of a caller's own stream, by a library) waits on the same path.
        public override int Read(byte[] buffer, int offset, int count) => input.FeedAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
