using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>One request as <see cref="HostileServer"/> saw it: enough to route on.</summary>
internal sealed record HostileRequest(string Method, string Path, Uri Server);

/// <summary>
/// A loopback HTTP/1.1 server that answers each request with whatever raw bytes its script returns
/// (<see cref="RawAnswer"/>), so a test can send what a real server never would. It reads requests
/// properly (head, then a <c>Content-Length</c> or chunked body) so connections can be kept alive,
/// which keeps thousands of cases fast, and it counts requests per path so a test can tell a poll
/// loop from a busy loop. Only 127.0.0.1 is ever bound.
/// </summary>
internal sealed class HostileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HostileRequest, RawAnswer> _script;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly List<(TcpClient Client, Task Serving)> _connections = [];
    private readonly Task _accepting;

    public HostileServer(Func<HostileRequest, RawAnswer> script)
    {
        _script = script;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    public Uri ApiBase => new(Url, "v1/");

    /// <summary>Where, relative to <see cref="Url"/>, a run's <c>download_url</c> points when the download host is this server too.</summary>
    public const string DownloadPath = "downloads/run_1.csv?sig=x";

    /// <summary>How many requests arrived for paths starting with <paramref name="pathPrefix"/>.</summary>
    public int Requests(string pathPrefix) =>
        _requests.Where(p => p.Key.StartsWith(pathPrefix, StringComparison.Ordinal)).Sum(p => p.Value);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        lock (_connections)
        {
            // A kept-alive connection sits in a read: closing its socket is what ends it.
            _connections.ForEach(c => c.Client.Dispose());
            Task.WaitAll([.. _connections.Select(c => c.Serving)], TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add((client, ServeAsync(client)));
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Stopping: the listener may be stopped before or during the pending accept.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await Task.Yield(); // off the accept loop before the first read

        // Taken once: Dispose may close the client at any moment, and TcpClient.Client is null after that
        // (a NullReferenceException), while the socket itself then throws ObjectDisposedException.
        var socket = client.Client;
        try
        {
            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream);
            while (await reader.ReadRequestAsync(_stop.Token) is { } request)
            {
                var path = request.Target.Split('?')[0];
                _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                var answer = _script(new HostileRequest(request.Method, path, Url));
                await stream.WriteAsync(answer.Bytes, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                if (answer.End == RawAnswer.Ending.Reset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                    break;
                }

                if (answer.End == RawAnswer.Ending.Close)
                {
                    socket.Shutdown(SocketShutdown.Send);
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
        {
            // The client went away mid-answer, or the server is stopping.
        }
        finally
        {
            client.Dispose();
        }
    }
}
