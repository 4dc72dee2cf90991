using HeloData.Reports.Api;
using HeloData.Reports.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// A loopback WireMock server standing in for the API host, plus an <see cref="IReportsApi"/> wired to
/// it exactly as the SDK wires the real one (base address with <c>/v1/</c>, API key handler).
/// </summary>
internal sealed class ApiTestServer : IDisposable
{
    public const string ApiKey = "hd_test_key_0123456789";

    private readonly WireMockServer _server = WireMockServer.Start();

    public Uri BaseAddress => new($"{_server.Url}/v1/");

    /// <summary>The exact URI of the last request, as the client put it on the wire.</summary>
    public Uri? LastSentUri { get; private set; }

    public IReportsApi CreateApi(string apiKey = ApiKey)
    {
        var recorder = new RecordingHandler(uri => LastSentUri = uri) { InnerHandler = new SocketsHttpHandler() };
        var handler = new ApiKeyHandler(apiKey, BaseAddress) { InnerHandler = recorder };
        return ReportsApiFactory.Create(new HttpClient(handler) { BaseAddress = BaseAddress });
    }

    /// <summary>Answers every request with <paramref name="status"/> and a JSON <paramref name="body"/>.</summary>
    public void Respond(int status, string? body = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    /// <summary>The one request the server received; fails the test if there were more or none.</summary>
    public IRequestMessage SingleRequest()
    {
        var entries = _server.LogEntries.ToList();
        Assert.That(entries, Has.Count.EqualTo(1), "expected exactly one request");
        return entries[0].RequestMessage;
    }

    /// <summary>The raw URL of every request received, in order.</summary>
    public List<string> ReceivedUrls() =>
        _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Url).ToList();

    public int RequestCount => _server.LogEntries.Count();

    public void Reset() => _server.Reset();

    public void Dispose() => _server.Stop();

    private sealed class RecordingHandler(Action<Uri?> record) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            record(request.RequestUri);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
