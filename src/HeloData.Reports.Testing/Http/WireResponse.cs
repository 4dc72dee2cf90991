using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing.State;
using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// An answer in the contract's shapes, built whole before any of it is written, so the hosts log its
/// status before the client can see it (a test that asserts on the log right after its call finds it there).
/// Only a streamed body (<see cref="Streamed"/>) is produced as it is written.
/// </summary>
internal sealed class WireResponse
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<Stream, CancellationToken, Task>? _writeBody;

    private WireResponse(int status, string? contentType, byte[]? body, Func<Stream, CancellationToken, Task>? writeBody = null)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        _writeBody = writeBody;
    }

    public int Status { get; }

    public string? ContentType { get; }

    public byte[]? Body { get; }

    /// <summary>Whether the body is written as it is produced, its length unknown until the end (and so sent chunked).</summary>
    public bool IsStreamed => _writeBody is not null;

    public static WireResponse Json(int status, JsonNode body) =>
        new(status, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(body.ToJsonString()));

    public static WireResponse NoContent() => new(204, null, null);

    public static WireResponse Error(SandboxError error, string requestId, TimeSpan? retryAfter)
    {
        var response = Json(error.Status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message, ["request_id"] = requestId },
        });
        if (retryAfter is { } wait)
        {
            response.WithHeader("Retry-After", ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    public static WireResponse Bytes(int status, byte[] body, string contentType, string? fileName = null)
    {
        var response = new WireResponse(status, contentType, body);
        return fileName is null ? response : response.WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"");
    }

    /// <summary>A body produced while it is written, of a length nobody knows before: sent without <c>Content-Length</c>, so chunked.</summary>
    /// <param name="status">The status.</param>
    /// <param name="contentType">The body's <c>Content-Type</c>.</param>
    /// <param name="fileName">A file name for <c>Content-Disposition</c>, if any.</param>
    /// <param name="writeBody">Writes the body, asynchronously only, to the stream it is given.</param>
    public static WireResponse Streamed(int status, string contentType, string? fileName, Func<Stream, CancellationToken, Task> writeBody)
    {
        var response = new WireResponse(status, contentType, null, writeBody);
        return fileName is null ? response : response.WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"");
    }

    public static WireResponse Text(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    public WireResponse WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    /// <summary>
    /// Writes the status, the headers and the first <paramref name="bytes"/> of the body (all of it when
    /// <see langword="null"/>), with the whole body's <c>Content-Length</c>; a streamed body has none and
    /// stops being produced once it reaches <paramref name="bytes"/>.
    /// </summary>
    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken, int? bytes = null)
    {
        response.StatusCode = Status;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (_writeBody is not null)
        {
            // No Content-Length: Kestrel frames the body with chunked transfer encoding, so a client can
            // tell a body that ended from one that was cut.
            if (bytes is null)
            {
                await _writeBody(response.Body, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    await _writeBody(new CutStream(response.Body, bytes.Value), cancellationToken).ConfigureAwait(false);
                }
                catch (CutStream.LimitReachedException)
                {
                    // The first bytes went out; the rest is never produced.
                }
            }

            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (Body is not null)
        {
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body.AsMemory(0, Math.Min(bytes ?? Body.Length, Body.Length)), cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
