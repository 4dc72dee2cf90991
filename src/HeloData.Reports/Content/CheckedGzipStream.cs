using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace HeloData.Reports;

/// <summary>
/// Decompresses gzip (RFC 1952) member by member and notices when it was cut short. .NET's
/// <see cref="GZipStream"/> ends quietly when its input stops mid-member (or mid-trailer), which would
/// turn a truncated file into a shorter, valid-looking one, and it cannot say where one member ends.
/// So the framing is read here: each member's header is parsed (<see cref="GzipHeader"/>), its deflate
/// data inflated with a raw <see cref="DeflateStream"/> fed from one buffer (<see cref="GzipInput"/>), and
/// its trailer (CRC-32 and length of what came out) found right after it and checked. Members follow one
/// another (concatenated gzip files are one file); zero bytes after the last are padding; anything else
/// after it, or an input ending inside a member, is an error.
/// </summary>
/// <param name="compressed">The gzip bytes.</param>
/// <param name="leaveOpen">Whether <paramref name="compressed"/> outlives this stream, as for <see cref="GZipStream"/>.</param>
internal sealed class CheckedGzipStream(Stream compressed, bool leaveOpen) : ForwardOnlyStream
{
    private const int TrailerLength = 8;

    private readonly GzipInput _input = new(compressed);
    private readonly Crc32 _crc = new();
    private DeflateStream? _member;
    private bool _done;
    private long _memberLength;
    private long _length;
    private int _members;

    public override bool CanRead => true;

    public override bool CanWrite => false;

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

    // The readers read asynchronously; a synchronous read (a caller's own stream, read by a library) waits on the same path.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            if (!leaveOpen)
            {
                compressed.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; <see langword="false"/> at the end of the gzip data (its end, or zero padding to it).</summary>
    private async ValueTask<bool> StartMemberAsync(CancellationToken cancellationToken)
    {
        if (_members > 0 && !await _input.EnsureAsync(1, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (_members > 0 && _input.Unread[0] == 0)
        {
            return await _input.SkipZerosAsync(cancellationToken).ConfigureAwait(false)
                ? false
                : throw new InvalidDataException(
                    $"After the gzip data ({_length} bytes decompressed) and zero padding come other bytes: the artifact is damaged (or is not gzip past that point).");
        }

        if (!await _input.EnsureAsync(10, cancellationToken).ConfigureAwait(false))
        {
            throw Cut("inside a gzip member's header");
        }

        if (!GzipLayers.IsGzip(_input.Unread))
        {
            throw new InvalidDataException(
                $"After {_members} gzip member(s) ({_length} bytes decompressed) come bytes that are not another member ({Convert.ToHexString(_input.Unread[..2])}): the gzip data is damaged.");
        }

        if (!await GzipHeader.SkipAsync(_input, _members + 1, cancellationToken).ConfigureAwait(false))
        {
            throw Cut("inside a gzip member's header");
        }

        _members++;
        _memberLength = 0;
        _crc.Reset();
        _input.BeginMember();
        _member = new DeflateStream(_input.Inflater, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>The deflate data ended: its trailer comes next, and must match what came out.</summary>
    private async ValueTask EndMemberAsync(CancellationToken cancellationToken)
    {
        _member!.Dispose();
        _member = null;
        if (_input.Starved)
        {
            throw Cut("inside a gzip member's deflate data");
        }

        var expected = new byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(4), unchecked((uint)_memberLength));
        if (!await _input.TakeTrailerAsync(expected, cancellationToken).ConfigureAwait(false))
        {
            throw _input.EndedWithin(TrailerLength)
                ? Cut("before a gzip member's trailer")
                : new InvalidDataException(
                    $"gzip member {_members}'s trailer does not match the {_memberLength} bytes that came out of it (CRC-32 and length): the artifact is damaged or cut short.");
        }
    }

    private InvalidDataException Cut(string where) =>
        new($"The gzip data ends {where}, after {_length} bytes decompressed: the artifact was cut short.");
}
