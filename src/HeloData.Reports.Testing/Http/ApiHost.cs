using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeloData.Reports.Testing.State;
using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// The API host: authentication, plan, faults, and the seven endpoints, every answer carrying
/// <c>X-Request-Id</c> and every error the contract's error body.
/// </summary>
internal sealed class ApiHost(SandboxStore store, SandboxKeys keys, SandboxFaults faults, RequestLog log, DownloadLinks links, CancellationToken stopping)
{
    private const string BasePath = "/v1";
    private long _requestIds;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = $"req_{Interlocked.Increment(ref _requestIds).ToString("x8", CultureInfo.InvariantCulture)}";
        var body = await request.ReadBodyAsync(context.RequestAborted).ConfigureAwait(false);
        var fault = faults.Next();
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, stopping).ConfigureAwait(false);
        }

        if (fault.Kind == ApiFaultKind.Drop)
        {
            log.Add("api", request, body, 0);
            context.Abort();
            return;
        }

        WireResponse response;
        try
        {
            response = fault.Kind == ApiFaultKind.Status
                ? WireResponse.Error(FaultError(fault.Status), requestId, fault.RetryAfter)
                : await RouteAsync(request, body).ConfigureAwait(false);
        }
        catch (SandboxError error)
        {
            response = WireResponse.Error(error, requestId, retryAfter: null);
        }

        response.WithHeader(SandboxContract.RequestIdHeader, requestId);
        log.Add("api", request, body, response.Status);
        await response.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<WireResponse> RouteAsync(HttpRequest request, string? body)
    {
        keys.Authenticate(request.Headers.Authorization.FirstOrDefault());
        var path = request.RawPath();
        if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
        {
            throw SandboxError.NotFound($"no endpoint at {path}.");
        }

        var segments = path[BasePath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return (request.Method, segments) switch
        {
            ("GET", ["reports"]) => WireResponse.Json(200, store.List(Limit(request), request.QueryValue("cursor"))),
            ("POST", ["reports"]) => await CreateAsync(body).ConfigureAwait(false),
            ("GET", ["reports", "runs", var runId]) => WireResponse.Json(200, store.GetRun(runId, links.Sign)),
            ("GET", ["reports", var id]) => WireResponse.Json(200, store.Get(id)),
            ("PATCH", ["reports", var id]) => await PatchAsync(id, body).ConfigureAwait(false),
            ("DELETE", ["reports", var id]) => Deleted(id),
            ("POST", ["reports", var id, "run"]) => WireResponse.Json(202, store.Run(id, Body(body, optional: true))),
            _ => throw SandboxError.NotFound($"no endpoint {request.Method} {path}."),
        };
    }

    private async Task<WireResponse> CreateAsync(string? text)
    {
        var body = Body(text, optional: false)!;
        await WebhookPreflight.CheckAsync(body["destination"]).ConfigureAwait(false);
        return WireResponse.Json(201, store.Create(body));
    }

    private async Task<WireResponse> PatchAsync(string id, string? text)
    {
        var patch = Body(text, optional: false)!;
        await WebhookPreflight.CheckAsync(patch["destination"]).ConfigureAwait(false);
        return WireResponse.Json(200, store.Patch(id, patch));
    }

    private WireResponse Deleted(string id)
    {
        store.Delete(id);
        return WireResponse.NoContent();
    }

    private static SandboxError FaultError(int status) => status == 429
        ? new SandboxError(429, SandboxContract.Codes.RateLimited, "slow down (sandbox fault injection).")
        : new SandboxError(status, SandboxContract.Codes.InternalError, "the service failed (sandbox fault injection).");

    private static JsonObject? Body(string? text, bool optional)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return optional ? null : throw SandboxError.BadRequest("a JSON object body is required.");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw SandboxError.BadRequest("the body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw SandboxError.BadRequest($"the body is not JSON: {exception.Message}");
        }
    }

    private static int? Limit(HttpRequest request)
    {
        var text = request.QueryValue("limit");
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= SandboxContract.MaxPageSize
            ? limit
            : throw SandboxError.BadRequest($"limit must be a whole number from 1 to {SandboxContract.MaxPageSize}, not '{text}'.");
    }
}
