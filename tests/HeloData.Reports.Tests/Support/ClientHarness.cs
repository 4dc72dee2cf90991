using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HeloData.Reports.Tests.Support;

/// <summary>
/// The public client as an application gets it, from <c>AddHeloReports</c>, pointed at a loopback
/// WireMock server, with every log line captured at Trace level.
/// </summary>
internal sealed class ClientHarness : IDisposable
{
    public const string ApiKey = "hd_live_SECRET_7f3a9c1e5b";
    private const string Scenario = "sequence";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ServiceProvider _provider;

    public ClientHarness(Action<ReportsClientOptions>? configure = null, TimeProvider? timeProvider = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddHeloReports(options =>
        {
            options.ApiKey = ApiKey;
            options.BaseAddress = BaseAddress;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1); // real backoff would only slow the tests
            configure?.Invoke(options);
        });
        services.AddHeloReports().AddHttpMessageHandler(() => new RecordingHandler(SentUris));
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IReportsClient>();
    }

    public IReportsClient Client { get; }

    /// <summary>The container the client came from.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The API base address the client is pointed at.</summary>
    public Uri BaseAddress => new($"{_server.Url}/v1/");

    public LogCapture Logs { get; } = new();

    public int RequestCount => _server.LogEntries.Count();

    /// <summary>The exact URI of each request, as the client put it on the wire (WireMock's own log normalises them).</summary>
    public List<Uri> SentUris { get; } = [];

    /// <summary>The one request the server received; fails the test if there were more or none.</summary>
    public IRequestMessage SingleRequest()
    {
        var requests = Requests;
        Assert.That(requests, Has.Count.EqualTo(1), "expected exactly one request");
        return requests[0];
    }

    public IReadOnlyList<IRequestMessage> Requests =>
        _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage).ToList();

    /// <summary>Answers every request the same way.</summary>
    public void Respond(IResponseBuilder response) =>
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);

    /// <summary>Answers the n-th request with the n-th response; the last one repeats.</summary>
    public void RespondInSequence(params IResponseBuilder[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var request = _server.Given(Request.Create().UsingAnyMethod()).InScenario(Scenario);
            request = i == 0 ? request : request.WhenStateIs($"step{i}");
            if (i < responses.Length - 1)
            {
                request = request.WillSetStateTo($"step{i + 1}");
            }

            request.RespondWith(responses[i]);
        }
    }

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

    public static IResponseBuilder Error(int status, string code, string message = "it failed", string requestId = "req_body") =>
        Json(status, $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}","request_id":"{{{requestId}}}"}}""");

    public void Dispose()
    {
        _provider.Dispose();
        _server.Stop();
    }

    private sealed class RecordingHandler(List<Uri> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (sent)
            {
                sent.Add(request.RequestUri!);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
