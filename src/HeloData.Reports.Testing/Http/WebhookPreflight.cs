using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing.State;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// The service's webhook pre-flight, done for real: the sandbox opens a TCP connection to the URL's
/// host and port, and a refusal is <c>422 destination_unreachable</c>. Only loopback hosts are tried:
/// the sandbox never sends traffic off the machine, so any other host is taken as reachable.
/// </summary>
internal static class WebhookPreflight
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public static async Task CheckAsync(JsonNode? destination)
    {
        // Anything but a well-formed http(s) webhook is left to the validation that follows, which
        // answers 422: "/r" is an absolute file: URI on Unix, and a number is not a URL at all.
        if (destination is not JsonObject target
            || target["type"] is not JsonValue type || !type.TryGetValue(out string? kind) || kind != "webhook"
            || target["url"] is not JsonValue text || !text.TryGetValue(out string? address)
            || !Uri.TryCreate(address, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !url.IsLoopback)
        {
            return;
        }

        using var client = new TcpClient(url.HostNameType == UriHostNameType.IPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            var host = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? IPAddress.Parse(url.DnsSafeHost) : IPAddress.Loopback;
            await client.ConnectAsync(host, url.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            throw new SandboxError(422, SandboxContract.Codes.DestinationUnreachable, $"webhook pre-flight to {url.GetLeftPart(UriPartial.Path)} failed: {exception.Message}");
        }
    }
}
