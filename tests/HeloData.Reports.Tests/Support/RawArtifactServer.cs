using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// A loopback HTTP server that answers every request with <c>Content-Length</c> (which WireMock never
/// sends: it always chunks). The first <c>cutResponses</c> answers can send only part of the body and
/// then reset the connection: the fault a download must never turn into a silently short file.
/// </summary>
internal sealed class RawArtifactServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;
    private int _requests;

    /// <param name="body">The artifact.</param>
    /// <param name="cutAfter">How many bytes of the body a cut answer sends; <see langword="null"/> for none cut.</param>
    /// <param name="cutResponses">How many answers, from the first, are cut.</param>
    public RawArtifactServer(byte[] body, int? cutAfter = null, int cutResponses = int.MaxValue)
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/runs/run_1.csv?sig=abc");
        _serving = ServeAsync(body, cutAfter ?? body.Length, cutResponses);
    }

    public Uri Url { get; }

    /// <summary>The last request's header block, as received.</summary>
    public string? ReceivedHead { get; private set; }

    /// <summary>How many requests have been answered, in full or cut.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync(byte[] body, int cutAfter, int cutResponses)
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                var answered = Interlocked.Increment(ref _requests);
                try
                {
                    await AnswerAsync(client, body, answered <= cutResponses ? cutAfter : body.Length);
                }
                catch (IOException)
                {
                    // The client went away mid-answer; the next request gets a fresh connection.
                }
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AnswerAsync(TcpClient client, byte[] body, int sent)
    {
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        ReceivedHead = request.ToString();
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, sent));
        await stream.FlushAsync();
        if (sent < body.Length)
        {
            client.Client.LingerState = new LingerOption(true, 0); // reset, not a clean close
        }
    }
}
