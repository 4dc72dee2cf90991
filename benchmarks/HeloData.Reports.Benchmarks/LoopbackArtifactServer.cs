using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports.Benchmarks;

/// <summary>
/// A minimal keep-alive HTTP/1.1 server on loopback that answers every GET with an artifact of a
/// fixed size and a <c>Content-Length</c>, written from one reused buffer, so the server costs as
/// little as possible and the client's copy loop is what gets measured. It can also answer every
/// request with one fixed body (a run's JSON), for the per-call benchmarks.
/// </summary>
internal sealed class LoopbackArtifactServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly long _size;
    private readonly byte[] _chunk;
    private readonly string _contentType;

    public LoopbackArtifactServer(long size)
        : this(RandomChunk(), size, "text/csv")
    {
    }

    /// <summary>Answers every request with <paramref name="body"/>.</summary>
    public LoopbackArtifactServer(byte[] body, string contentType)
        : this(body, body.Length, contentType)
    {
    }

    private LoopbackArtifactServer(byte[] chunk, long size, string contentType)
    {
        _chunk = chunk;
        _size = size;
        _contentType = contentType;
        _listener.Start();
        Root = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        Url = new Uri(Root, "runs/run_bench.csv?expires=1&sig=bench");
        _ = AcceptLoopAsync();
    }

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; }

    public Uri Url { get; }

    private static byte[] RandomChunk()
    {
        var chunk = new byte[256 * 1024];
        new Random(42).NextBytes(chunk);
        return chunk;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nContent-Length: {_size}\r\n\r\n");
            var request = new byte[16 * 1024];
            try
            {
                while (await ReadHeadAsync(stream, request))
                {
                    await stream.WriteAsync(head, _stop.Token);
                    for (var left = _size; left > 0; left -= _chunk.Length)
                    {
                        await stream.WriteAsync(_chunk.AsMemory(0, (int)Math.Min(left, _chunk.Length)), _stop.Token);
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        }
    }

    // Reads one request head (requests here have no body); false when the client closed.
    private async Task<bool> ReadHeadAsync(NetworkStream stream, byte[] buffer)
    {
        var filled = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
            if (read == 0)
            {
                return false;
            }

            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0)
            {
                return true;
            }
        }
    }
}
