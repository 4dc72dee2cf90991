using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;

namespace HeloData.Reports.Benchmarks;

/// <summary>The run of the API contract's "Run status" example, pre-encoded once.</summary>
internal static class RunFixtures
{
    public const string RunId = "run_01HX2K3PQ4M5";

    /// <summary>The API base address; nothing is sent there, every handler here is in memory.</summary>
    public static readonly Uri BaseAddress = new("https://api.helodata.com/v1/");

    /// <summary><c>GET /reports/runs/{id}</c>, verbatim from tests/HeloData.Reports.Tests/ContractDocs/reports-api-contract.md.</summary>
    public const string CompletedRunJson = """
        {
          "run_id": "run_01HX2K3PQ4M5",
          "report_id": "rep_01HX2K3PQ4M5",
          "status": "completed",
          "from": "2026-05-01",
          "to": "2026-05-28",
          "created_at": "2026-05-29T10:00:00Z",
          "completed_at": "2026-05-29T10:02:13Z",
          "download_url": "https://downloads.helodata.com/runs/run_01HX2K3PQ4M5.csv?expires=...&sig=...",
          "download_url_expires_at": "2026-05-29T11:02:13Z",
          "error": null
        }
        """;

    public static readonly byte[] CompletedRun = Encoding.UTF8.GetBytes(CompletedRunJson);

    /// <summary>A 200 with a JSON body, in a fresh <see cref="ByteArrayContent"/> as a real response would be.</summary>
    public static HttpResponseMessage Ok(HttpRequestMessage request, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}

/// <summary>
/// Answers every request with the canned completed run: no sockets, no parsing of the request, so
/// what is measured is the client side of a call only.
/// </summary>
internal sealed class CannedRunHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(RunFixtures.Ok(request, RunFixtures.CompletedRun));

    // Shared by every client and by IHttpClientFactory's rotating handler chains: never disposed for real.
    protected override void Dispose(bool disposing)
    {
    }
}

/// <summary>What a hand-written client would declare for a run: the same fields, snake_case on the wire.</summary>
public sealed class RunDto
{
    public string RunId { get; set; } = string.Empty;

    public string ReportId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Uri? DownloadUrl { get; set; }

    public DateTimeOffset? DownloadUrlExpiresAt { get; set; }

    public RunErrorDto? Error { get; set; }
}

/// <summary>A failed run's <c>error</c> object, hand-written.</summary>
public sealed class RunErrorDto
{
    public string Code { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;
}

/// <summary>The hand-written client's source-generated serializer context (no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunDto))]
internal sealed partial class BenchJsonContext : JsonSerializerContext
{
}
