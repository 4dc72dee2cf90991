using System.Buffers.Binary;

namespace HeloData.Reports;

/// <summary>
/// A gzip member's header (RFC 1952, 2.3): the magic <c>1f 8b</c>, the method (deflate, 8), the flags, then
/// what the flags announce (an extra field, a file name, a comment, a header CRC), all skipped: only the
/// deflate data and the trailer matter to the content.
/// </summary>
internal static class GzipHeader
{
    private const int FixedLength = 10;
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;

    /// <summary>
    /// Takes member <paramref name="member"/>'s header from <paramref name="input"/>, which holds at least its
    /// fixed part and starts with the magic; <see langword="false"/> when the input ends inside it.
    /// </summary>
    public static async ValueTask<bool> SkipAsync(GzipInput input, int member, CancellationToken cancellationToken)
    {
        var method = input.Unread[2];
        var flags = input.Unread[3];
        if (method != 8 || (flags & 0xE0) != 0)
        {
            throw new InvalidDataException($"gzip member {member} has method {method} and flags {flags:x2}: only deflate (8), with the flags RFC 1952 defines, is gzip.");
        }

        input.Take(FixedLength);
        if ((flags & FlagExtra) != 0)
        {
            // A 2-byte length, then that many bytes.
            if (!await input.EnsureAsync(2, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var extra = BinaryPrimitives.ReadUInt16LittleEndian(input.Unread);
            input.Take(2);
            if (!await SkipBytesAsync(input, extra, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return ((flags & FlagName) == 0 || await SkipTerminatedAsync(input, cancellationToken).ConfigureAwait(false))
            && ((flags & FlagComment) == 0 || await SkipTerminatedAsync(input, cancellationToken).ConfigureAwait(false))
            && ((flags & FlagHeaderCrc) == 0 || await SkipBytesAsync(input, 2, cancellationToken).ConfigureAwait(false));
    }

    private static async ValueTask<bool> SkipBytesAsync(GzipInput input, int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (!await input.EnsureAsync(1, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var step = Math.Min(count, input.Unread.Length);
            input.Take(step);
            count -= step;
        }

        return true;
    }

    // A zero-terminated field: the file name or the comment.
    private static async ValueTask<bool> SkipTerminatedAsync(GzipInput input, CancellationToken cancellationToken)
    {
        while (await input.EnsureAsync(1, cancellationToken).ConfigureAwait(false))
        {
            var zero = input.Unread.IndexOf((byte)0);
            if (zero >= 0)
            {
                input.Take(zero + 1);
                return true;
            }

            input.Take(input.Unread.Length);
        }

        return false;
    }
}
