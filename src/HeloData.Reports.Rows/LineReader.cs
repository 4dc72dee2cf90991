using System.Buffers;

namespace HeloData.Reports.Rows;

/// <summary>
/// Splits a stream into <c>\n</c>-terminated lines (a <c>\r</c> before it dropped) in one pooled
/// buffer, so NDJSON is read line by line as the bytes arrive and memory follows the longest line,
/// not the file. A UTF-8 byte order mark at the start is skipped; the last line needs no <c>\n</c>.
/// </summary>
internal sealed class LineReader(Stream stream) : IDisposable
{
    /// <summary>The longest line accepted: a stream without line breaks must not take all memory.</summary>
    internal const int MaxLineLength = 128 * 1024 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _scanned;
    private int _end;
    private bool _eof;
    private bool _bomChecked;

    /// <summary>Takes the next complete line from the buffer; <see langword="false"/> when more bytes are needed (or none are left).</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        if (!_bomChecked && (_end - _start >= 3 || _eof))
        {
            _bomChecked = true;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
            {
                _start = _scanned = _start + 3;
            }
        }

        if (_bomChecked)
        {
            var found = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (found >= 0)
            {
                var end = _scanned + found;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, end - _start));
                _start = _scanned = end + 1;
                return true;
            }

            _scanned = _end;
            if (_eof && _start < _end)
            {
                line = TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start));
                _start = _scanned = _end;
                return true;
            }
        }

        line = default;
        return false;
    }

    /// <summary>Reads more bytes; <see langword="false"/> once the stream has ended.</summary>
    public async ValueTask<bool> FillAsync(long lineNumber, CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _scanned, _start) = (_end - _start, _scanned - _start, 0);
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length > MaxLineLength)
            {
                throw new ReportRowFormatException(
                    $"Row {lineNumber} is longer than {MaxLineLength / (1024 * 1024)} MiB without a line break: not NDJSON.", lineNumber);
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _eof = read == 0;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;
}
