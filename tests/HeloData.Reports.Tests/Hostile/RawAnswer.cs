using System.Text;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>
/// Exactly the bytes <see cref="HostileServer"/> writes for one request, and what it then does to the
/// connection. Nothing is checked or fixed up: the point is to be able to send what no HTTP stack would.
/// </summary>
public sealed class RawAnswer(byte[] bytes, RawAnswer.Ending end = RawAnswer.Ending.KeepAlive)
{
    public enum Ending
    {
        /// <summary>Wait for the next request on the same connection.</summary>
        KeepAlive,

        /// <summary>A clean close (FIN), whatever the head promised.</summary>
        Close,

        /// <summary>An abortive close (RST): linger 0, then close.</summary>
        Reset,
    }

    public byte[] Bytes { get; } = bytes;

    public Ending End { get; } = end;

    /// <summary>A well-framed answer: status line, <c>Content-Length</c>, extra header lines, body.</summary>
    public static RawAnswer Http(int status, string body, string? contentType = "application/json", params string[] headers) =>
        Http(status, Encoding.UTF8.GetBytes(body), contentType, headers);

    public static RawAnswer Http(int status, byte[] body, string? contentType = "application/json", params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} Hostile\r\nContent-Length: {body.Length}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        var headBytes = Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
        return new RawAnswer([.. headBytes, .. body]);
    }

    /// <summary>Raw text, written as it is (Latin-1, so every char is one byte), then <paramref name="end"/>.</summary>
    public static RawAnswer Raw(string text, Ending end) => new(Encoding.Latin1.GetBytes(text), end);
}
