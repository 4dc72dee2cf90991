using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>
/// A sender on a bare socket, so a test decides exactly which body bytes ever leave it: a head with a
/// promised body that never comes proves the answer was given before the body was read.
/// </summary>
internal sealed class RawSender : IAsyncDisposable
{
    // Only so a server that waits for a body it should not need cannot hang the test run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawSender(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawSender> ConnectAsync(Uri address)
    {
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        return new RawSender(client);
    }

    /// <summary>Sends the request line and headers; <paramref name="contentLength"/> null means chunked.</summary>
    public Task SendHeadAsync(Uri address, IEnumerable<(string Name, string Value)> headers, long? contentLength)
    {
        var head = new StringBuilder($"POST {address.PathAndQuery} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: text/csv\r\n");
        head.Append(contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        return SendAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        await _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>One chunk of a chunked body.</summary>
    public async Task SendChunkAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        await SendAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), cancellationToken);
        await SendAsync(bytes, cancellationToken);
        await SendAsync("\r\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Streams a chunked body of <paramref name="chunk"/>s, up to <paramref name="total"/> bytes (null: without
    /// end), until it is all sent, the server cuts it off, or <paramref name="stop"/> is signalled; says which.
    /// Those are the only ends an upload the server refuses can have: anything else fails the test. Stop and
    /// await it before disposing this sender, so no write is ever left running on a disposed socket.
    /// </summary>
    public async Task<UploadEnd> StreamChunksAsync(ReadOnlyMemory<byte> chunk, long? total, CancellationToken stop)
    {
        try
        {
            for (var sent = 0L; total is null || sent < total; sent += chunk.Length)
            {
                await SendChunkAsync(chunk, stop);
            }

            return UploadEnd.Sent;
        }
        catch (IOException)
        {
            // The server answered and closed or reset the connection mid-body.
            return UploadEnd.CutOff;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the test, maybe in a write the server will never read (it answered and stopped reading).
            return UploadEnd.Stopped;
        }
    }

    /// <summary>Reads the answer's status line and headers (not its body).</summary>
    public async Task<RawResponse> ReadResponseAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await _stream.ReadAsync(one, guard.Token) == 0)
            {
                throw new IOException($"The server closed the connection after {head.Count} bytes of an answer.");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers);
    }

    public ValueTask DisposeAsync()
    {
        // An abrupt end, as a sender that gives up mid-body does; a second call does nothing.
        if (_client.Client is { } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}

/// <summary>How a streamed upload ended.</summary>
internal enum UploadEnd
{
    /// <summary>Every byte was written.</summary>
    Sent,

    /// <summary>The server closed or reset the connection.</summary>
    CutOff,

    /// <summary>The test stopped it.</summary>
    Stopped,
}

/// <summary>A status and the headers of an answer.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers);
