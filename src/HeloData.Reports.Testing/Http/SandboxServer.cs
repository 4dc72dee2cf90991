using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// One Kestrel server on 127.0.0.1 and a given or free port, handing every request to one delegate.
/// </summary>
/// <remarks>
/// Kestrel is used bare, without a host: no configuration, environment variables, appsettings.json
/// or console lifetime of the application under test can reach it, and it starts in milliseconds.
/// </remarks>
internal sealed class SandboxServer : IHttpApplication<HttpContext>, IDisposable
{
    // The sandbox cancels its handlers before stopping its servers; this bounds only one that ignores that.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly KestrelServer _server;
    private readonly RequestDelegate _handle;

    public SandboxServer(RequestDelegate handle, int port = 0)
    {
        _handle = handle;
        var options = new KestrelServerOptions();

        // Loopback only: nothing off the machine can reach a sandbox.
        options.Listen(IPAddress.Loopback, port);
        _server = new KestrelServer(
            Options.Create(options),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance),
            NullLoggerFactory.Instance);

        // On the thread pool, away from any SynchronizationContext of the caller (a UI's, a test
        // framework's), so that blocking on it cannot deadlock.
        Task.Run(() => _server.StartAsync(this, CancellationToken.None)).GetAwaiter().GetResult();
        var address = _server.Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public async Task ProcessRequestAsync(HttpContext context)
    {
        try
        {
            await _handle(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client left, or the sandbox is stopping: nobody is waiting for an answer.
            context.Abort();
        }
    }

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }

    public void Dispose()
    {
        Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(ShutdownTimeout);
            await _server.StopAsync(timeout.Token).ConfigureAwait(false);
        }).GetAwaiter().GetResult();
        _server.Dispose();
    }
}
