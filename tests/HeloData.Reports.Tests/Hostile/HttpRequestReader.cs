using System.Globalization;
using System.Text;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>Reads requests off one connection; bytes past one request stay buffered for the next.</summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <returns>The request line's method and target, or <see langword="null"/> when the client closed.</returns>
    public async Task<(string Method, string Target)?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        string? line;
        do
        {
            line = await ReadLineAsync(cancellationToken);
        }
        while (line is { Length: 0 });

        if (line is null)
        {
            return null;
        }

        var parts = line.Split(' ');
        long length = 0;
        var chunked = false;
        while ((line = await ReadLineAsync(cancellationToken)) is { Length: > 0 })
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = colon < 0 ? (line, "") : (line[..colon].Trim(), line[(colon + 1)..].Trim());
            length = name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? long.Parse(value, CultureInfo.InvariantCulture) : length;
            chunked |= name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        }

        if (line is null || !(chunked ? await SkipChunkedAsync(cancellationToken) : await SkipAsync(length, cancellationToken)))
        {
            return null;
        }

        return (parts[0], parts.Length > 1 ? parts[1] : "/");
    }

    private async Task<bool> SkipChunkedAsync(CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(cancellationToken) is { } sizeLine)
        {
            var size = Convert.ToInt64(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                while (await ReadLineAsync(cancellationToken) is { Length: > 0 })
                {
                    // trailers
                }

                return true;
            }

            if (!await SkipAsync(size, cancellationToken) || await ReadLineAsync(cancellationToken) is null)
            {
                return false;
            }
        }

        return false;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    private async Task<bool> SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return false;
            }

            var taken = (int)Math.Min(count, _end - _start);
            _start += taken;
            count -= taken;
        }

        return true;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        (_end, _start) = (_end - _start, 0);
        if (_end == _buffer.Length)
        {
            throw new InvalidDataException("A request line longer than 64 KB.");
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }
}
