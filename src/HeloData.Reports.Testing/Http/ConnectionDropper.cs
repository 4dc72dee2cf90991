using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// A loopback socket that breaks connections for real. WireMock always completes its answers (it
/// even turns a "malformed chunk" fault into a valid chunked body), so a dropped connection is made
/// by redirecting (307, method kept) to this socket: on <c>/drop</c> it resets the connection without
/// answering; on <c>/truncate</c> it promises a body with <c>Content-Length</c>, sends part of it, and
/// resets; on <c>/stall</c> it does the same but, instead of resetting, goes silent until the client
/// leaves or the sandbox stops.
/// </summary>
internal sealed class ConnectionDropper : IDisposable
{
    private const int PromisedBytes = 1024 * 1024;
    private const int SentBytes = 16 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public ConnectionDropper()
    {
        _listener.Start();
        var root = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        DropUrl = new Uri($"{root}/drop");
        TruncateUrl = new Uri($"{root}/truncate");
        StallUrl = new Uri($"{root}/stall");
        _ = AcceptAsync();
    }

    public Uri DropUrl { get; }

    public Uri TruncateUrl { get; }

    public Uri StallUrl { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _ = BreakAsync(client, _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private static async Task BreakAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream).ConfigureAwait(false);
                var stall = head.Contains(" /stall ", StringComparison.Ordinal);
                if (stall || head.Contains(" /truncate ", StringComparison.Ordinal))
                {
                    var start = $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {PromisedBytes}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(start), stop).ConfigureAwait(false);
                    await stream.WriteAsync(new byte[SentBytes], stop).ConfigureAwait(false);
                    await stream.FlushAsync(stop).ConfigureAwait(false);
                }

                if (stall)
                {
                    // Silent, connection open: returns when the client closes it (0 bytes) or the sandbox stops.
                    _ = await stream.ReadAsync(new byte[1], stop).ConfigureAwait(false);
                    return;
                }

                client.Client.LingerState = new LingerOption(true, 0); // a reset, not a clean close
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && text.Length < 64 * 1024)
        {
            var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
