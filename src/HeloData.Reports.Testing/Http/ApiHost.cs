using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing.Faults;
using HeloData.Reports.Testing.State;
using WireMock;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// The API host: authentication, plan, faults, and the seven endpoints, every answer carrying
/// <c>X-Request-Id</c> and every error the contract's error body.
/// </summary>
internal sealed class ApiHost(SandboxStore store, SandboxKeys keys, SandboxFaults faults, RequestLog log, DownloadLinks links, ConnectionDropper dropper)
{
    private const string BasePath = "/v1";
    private long _requestIds;

    public async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var requestId = $"req_{Interlocked.Increment(ref _requestIds).ToString("x8", CultureInfo.InvariantCulture)}";
        var fault = faults.Next();
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency).ConfigureAwait(false);
        }

        ResponseMessage response;
        try
        {
            response = fault.Kind switch
            {
                ApiFaultKind.Drop => WireResponses.RedirectTo(dropper.DropUrl),
                ApiFaultKind.Status => WireResponses.Error(FaultError(fault.Status), requestId, fault.RetryAfter),
                _ => await RouteAsync(request).ConfigureAwait(false),
            };
        }
        catch (SandboxError error)
        {
            response = WireResponses.Error(error, requestId, retryAfter: null);
        }

        response.Headers![SandboxContract.RequestIdHeader] = new(requestId);
        log.Add("api", request, fault.Kind == ApiFaultKind.Drop ? 0 : (int)response.StatusCode!);
        return response;
    }

    private async Task<ResponseMessage> RouteAsync(IRequestMessage request)
    {
        keys.Authenticate(request.Headers);
        var path = new Uri(request.Url).AbsolutePath;
        if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
        {
            throw SandboxError.NotFound($"no endpoint at {path}.");
        }

        var segments = path[BasePath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return (request.Method, segments) switch
        {
            ("GET", ["reports"]) => WireResponses.Json(200, store.List(Limit(request), Query(request, "cursor"))),
            ("POST", ["reports"]) => await CreateAsync(request).ConfigureAwait(false),
            ("GET", ["reports", "runs", var runId]) => WireResponses.Json(200, store.GetRun(runId, links.Sign)),
            ("GET", ["reports", var id]) => WireResponses.Json(200, store.Get(id)),
            ("PATCH", ["reports", var id]) => await PatchAsync(id, request).ConfigureAwait(false),
            ("DELETE", ["reports", var id]) => Deleted(id),
            ("POST", ["reports", var id, "run"]) => WireResponses.Json(202, store.Run(id, Body(request, optional: true))),
            _ => throw SandboxError.NotFound($"no endpoint {request.Method} {path}."),
        };
    }

    private async Task<ResponseMessage> CreateAsync(IRequestMessage request)
    {
        var body = Body(request, optional: false)!;
        await WebhookPreflight.CheckAsync(body["destination"]).ConfigureAwait(false);
        return WireResponses.Json(201, store.Create(body));
    }

    private async Task<ResponseMessage> PatchAsync(string id, IRequestMessage request)
    {
        var patch = Body(request, optional: false)!;
        await WebhookPreflight.CheckAsync(patch["destination"]).ConfigureAwait(false);
        return WireResponses.Json(200, store.Patch(id, patch));
    }

    private ResponseMessage Deleted(string id)
    {
        store.Delete(id);
        return WireResponses.NoContent();
    }

    private static SandboxError FaultError(int status) => status == 429
        ? new SandboxError(429, SandboxContract.Codes.RateLimited, "slow down (sandbox fault injection).")
        : new SandboxError(status, SandboxContract.Codes.InternalError, "the service failed (sandbox fault injection).");

    private static JsonObject? Body(IRequestMessage request, bool optional)
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return optional ? null : throw SandboxError.BadRequest("a JSON object body is required.");
        }

        try
        {
            return JsonNode.Parse(request.Body) as JsonObject ?? throw SandboxError.BadRequest("the body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw SandboxError.BadRequest($"the body is not JSON: {exception.Message}");
        }
    }

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Limit(IRequestMessage request)
    {
        var text = Query(request, "limit");
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= SandboxContract.MaxPageSize
            ? limit
            : throw SandboxError.BadRequest($"limit must be a whole number from 1 to {SandboxContract.MaxPageSize}, not '{text}'.");
    }
}
