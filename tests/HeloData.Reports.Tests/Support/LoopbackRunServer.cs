using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// A keep-alive HTTP/1.1 server on 127.0.0.1 that answers <c>GET /v1/reports/runs/{id}</c> for any id:
/// <c>running</c> until that run has been polled <c>pollsToComplete</c> times and <c>completeAfter</c> has
/// passed since its first poll, then <c>completed</c> (no download URL). Anything else gets a 404. It counts
/// the TCP connections it accepts (in all, and the most open at once) and each run's polls, which is what
/// a test of many concurrent waits needs: a socket per wait shows up here, whatever the client reports.
/// </summary>
/// <remarks>Also compiled into the benchmarks (the <c>concurrency</c> probe), so it uses nothing but the BCL.</remarks>
internal sealed class LoopbackRunServer : IDisposable
{
    private const string RunsPath = "/v1/reports/runs/";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (int Polls, long FirstPoll)> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private readonly int _pollsToComplete;
    private readonly TimeSpan _completeAfter;
    private int _accepted;
    private int _open;
    private int _peakOpen;

    public LoopbackRunServer(int pollsToComplete, TimeSpan completeAfter)
    {
        _pollsToComplete = pollsToComplete;
        _completeAfter = completeAfter;
        _listener.Start(backlog: 4096); // an uncapped client may connect a thousand times at once
        ApiBase = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");
        _ = AcceptAsync();
    }

    /// <summary>The base address to give the client.</summary>
    public Uri ApiBase { get; }

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    public int PeakOpenConnections => Volatile.Read(ref _peakOpen);

    /// <summary>How many times each run id was polled.</summary>
    public IReadOnlyDictionary<string, int> PollsByRun => _runs.ToDictionary(r => r.Key, r => r.Value.Polls, StringComparer.Ordinal);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();

        // A kept-alive connection sits in a read: closing its socket is what ends it.
        foreach (var (client, serving) in _connections)
        {
            client.Dispose();
            serving.Wait(TimeSpan.FromSeconds(5));
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
                Interlocked.Increment(ref _accepted);
                var open = Interlocked.Increment(ref _open);
                for (var peak = Volatile.Read(ref _peakOpen); open > peak; peak = Volatile.Read(ref _peakOpen))
                {
                    Interlocked.CompareExchange(ref _peakOpen, open, peak);
                }

                _connections[client] = ServeAsync(client);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await Task.Yield(); // off the accept loop before the first read
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var buffer = new byte[4096]; // the SDK's request heads are a few hundred bytes
            var filled = 0;
            while (true)
            {
                int end;
                while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var read = filled < buffer.Length ? await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token) : 0;
                    if (read == 0)
                    {
                        return; // the client closed (or sent a head too long for this server)
                    }

                    filled += read;
                }

                // GETs have no body: whatever follows the head is the next request.
                var requestLine = Encoding.ASCII.GetString(buffer.AsSpan(0, buffer.AsSpan(0, end + 2).IndexOf("\r\n"u8))).Split(' ');
                filled -= end + 4;
                buffer.AsSpan(end + 4, filled).CopyTo(buffer);
                await stream.WriteAsync(Answer(requestLine), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref _open);
        }
    }

    private byte[] Answer(string[] requestLine)
    {
        var path = requestLine.Length > 1 ? requestLine[1].Split('?')[0] : "";
        if (requestLine[0] != "GET" || !path.StartsWith(RunsPath, StringComparison.Ordinal) || path.Length == RunsPath.Length)
        {
            return Http("404 Not Found", """{"error":{"code":"not_found","message":"no such run here"}}""");
        }

        var runId = Uri.UnescapeDataString(path[RunsPath.Length..]);

        // AddOrUpdate swaps the whole tuple atomically: concurrent polls of one run each count once.
        var (polls, firstPoll) = _runs.AddOrUpdate(runId, _ => (1, Stopwatch.GetTimestamp()), (_, run) => (run.Polls + 1, run.FirstPoll));
        var done = polls >= _pollsToComplete && Stopwatch.GetElapsedTime(firstPoll) >= _completeAfter;
        return Http("200 OK", $$"""{"run_id":"{{runId}}","report_id":"rep_load","status":"{{(done ? "completed" : "running")}}","from":"2026-11-01","to":"2026-11-29","created_at":"2026-11-30T09:00:00Z","completed_at":{{(done ? "\"2026-11-30T09:00:03Z\"" : "null")}},"download_url":null,"download_url_expires_at":null,"error":null}""");
    }

    private static byte[] Http(string status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
    }
}
