using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing.State;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace HeloData.Reports.Testing.Http;

/// <summary>Builds WireMock response messages in the contract's shapes.</summary>
internal static class WireResponses
{
    public static ResponseMessage Json(int status, JsonNode? body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
        BodyData = body is null ? null : new BodyData
        {
            BodyAsString = body.ToJsonString(),
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        },
    };

    public static ResponseMessage NoContent() => new() { StatusCode = 204, Headers = new Dictionary<string, WireMockList<string>>() };

    public static ResponseMessage Error(SandboxError error, string requestId, TimeSpan? retryAfter)
    {
        var response = Json(error.Status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message, ["request_id"] = requestId },
        });
        if (retryAfter is { } wait)
        {
            response.Headers!["Retry-After"] = new(((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    public static ResponseMessage Bytes(int status, byte[] body, string contentType, string? fileName = null)
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) };
        if (fileName is not null)
        {
            headers["Content-Disposition"] = new($"attachment; filename=\"{fileName}\"");
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        };
    }

    public static ResponseMessage Text(int status, string text) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("text/plain; charset=utf-8") },
        BodyData = new BodyData { BodyAsString = text, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };

    /// <summary>Sends the client to <paramref name="location"/> with its method and body kept (307).</summary>
    public static ResponseMessage RedirectTo(Uri location) => new()
    {
        StatusCode = 307,
        Headers = new Dictionary<string, WireMockList<string>> { ["Location"] = new(location.ToString()) },
    };
}
