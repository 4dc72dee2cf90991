using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// A loopback HTTP server that answers every request with <c>Content-Length</c> (which WireMock never
/// sends: it always chunks). The first <c>faultyResponses</c> answers can misbehave: send only
/// <c>cutAfter</c> bytes of the body and then reset the connection (the fault a download must never turn
/// into a silently short file), or, with <see cref="Fault.Stall"/>, go silent there and keep the
/// connection open (with <c>cutAfter: -1</c>, before even the status line).
/// </summary>
internal sealed class RawArtifactServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _serving;
    private readonly string _headers;
    private int _requests;

    public enum Fault
    {
        Reset,
        Stall,
    }

    /// <param name="body">The artifact.</param>
    /// <param name="cutAfter">How many bytes of the body a faulty answer sends (-1: not even the head); <see langword="null"/> for no faulty answer.</param>
    /// <param name="faultyResponses">How many answers, from the first, are faulty.</param>
    /// <param name="fault">What a faulty answer does after <paramref name="cutAfter"/> bytes.</param>
    /// <param name="headers">The answer's content headers, one per line.</param>
    public RawArtifactServer(byte[] body, int? cutAfter = null, int faultyResponses = int.MaxValue, Fault fault = Fault.Reset, string headers = "Content-Type: text/csv")
    {
        _headers = headers;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/runs/run_1.csv?sig=abc");
        _serving = ServeAsync(body, cutAfter, faultyResponses, fault);
    }

    public Uri Url { get; }

    /// <summary>The last request's header block, as received.</summary>
    public string? ReceivedHead { get; private set; }

    /// <summary>How many requests have arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
        lock (_connections)
        {
            Task.WaitAll([.. _connections], TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(byte[] body, int? cutAfter, int faultyResponses, Fault fault)
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var number = Interlocked.Increment(ref _requests);
                var faulty = cutAfter is not null && number <= faultyResponses;

                // Each connection on its own: a stalled one must not keep the next request waiting.
                lock (_connections)
                {
                    _connections.Add(AnswerAsync(client, body, faulty ? cutAfter!.Value : body.Length, faulty ? fault : null));
                }
            }
        }
        // Disposing stops the listener: an accept already waiting ends with one of the first three, and a loop
        // that comes back to accept after Stop finds the listener not listening (InvalidOperationException).
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
    }

    private async Task AnswerAsync(TcpClient client, byte[] body, int sent, Fault? fault)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                ReceivedHead = request.ToString();
                if (sent >= 0)
                {
                    var head = $"HTTP/1.1 200 OK\r\n{_headers}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    await stream.WriteAsync(body.AsMemory(0, sent), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }

                if (fault == Fault.Stall)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                else if (sent < body.Length)
                {
                    client.Client.LingerState = new LingerOption(true, 0); // reset, not a clean close
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }
}
