using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HeloData.Reports.Testing.Tests.Support;

/// <summary>Raw HTTP against a sandbox, to test its state machine without the SDK in between.</summary>
internal sealed class SandboxHttp(ReportsSandbox sandbox, string? apiKey = null) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null, bool authorize = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(sandbox.ApiBaseAddress, path.TrimStart('/')));
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? sandbox.ApiKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public async Task<string> CreateAsync(string json = ReportBodies.WeeklyTraffic)
    {
        var (status, body, _) = await PostAsync("reports", json);
        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        return (string)body!["id"]!;
    }

    /// <summary>Creates an on-demand report, runs it over the window and returns the run and its download URL; the sandbox must run instantly.</summary>
    public async Task<(string RunId, string Url)> RunAsync(string type = "traffic", string format = "csv", string from = "2026-05-01", string to = "2026-05-28")
    {
        var id = await CreateAsync(ReportBodies.OnDemand(type, format));
        var (status, body, _) = await PostAsync($"reports/{id}/run", $$"""{"from":"{{from}}","to":"{{to}}"}""");
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());
        var runId = (string)body!["run_id"]!;
        return (runId, await DownloadUrlAsync(runId));
    }

    /// <summary>A fresh download URL of a completed run.</summary>
    public async Task<string> DownloadUrlAsync(string runId) =>
        (string)(await GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;

    /// <summary>Downloads a URL whole, asserting a 200.</summary>
    public async Task<byte[]> DownloadBytesAsync(string url)
    {
        using var response = await DownloadAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<HttpResponseMessage> DownloadAsync(string url, bool withAuthorization = false, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (withAuthorization)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.ApiKey);
        }

        return await _http.SendAsync(request, completion);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Report bodies used across the tests.</summary>
internal static class ReportBodies
{
    public const string WeeklyTraffic = """
        {"name":"weekly-traffic","type":"traffic","filters":{"products":["residential","mobile"]},"schedule":"0 9 * * MON","format":"csv","destination":{"type":"email","email":"ops@acme.com"}}
        """;

    public static string OnDemand(string type = "traffic", string format = "csv", string name = "on-demand") =>
        $$"""{"name":"{{name}}","type":"{{type}}","format":"{{format}}"}""";
}

/// <summary>Reading bodies that may be cut.</summary>
internal static class SandboxStreams
{
    /// <summary>Reads a body to its end or to the failure that ends it, returning what arrived either way.</summary>
    public static async Task<(byte[] Received, Exception? Failure)> ReadUntilFailureAsync(Stream body)
    {
        var received = new MemoryStream();
        try
        {
            await body.CopyToAsync(received);
            return (received.ToArray(), null);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (received.ToArray(), exception);
        }
    }
}
