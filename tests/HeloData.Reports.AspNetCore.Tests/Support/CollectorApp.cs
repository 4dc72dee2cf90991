using System.Collections.Concurrent;
using HeloData.Reports.Collector;
using HeloData.Reports.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>
/// An application with both doors, as a user writes it: the collector (polling the sandbox every
/// <c>pollInterval</c>, its state in one SQLite file) with one recording handler, and the webhook receiver mapped
/// with <c>MapHeloReportsCollectorWebhook</c> at <c>/hooks</c>, on Kestrel, loopback.
/// </summary>
internal sealed class CollectorApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReportsClient _client;

    private CollectorApp(WebApplication app, IReportsClient client, ConcurrentQueue<(string RunId, RunOrigin Origin)> handled)
    {
        _app = app;
        _client = client;
        Handled = handled;
        Address = new Uri(app.Urls.First() + "/hooks");
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public IReportsCollector Collector => _app.Services.GetRequiredService<IReportsCollector>();

    /// <summary>Every run the handler took, with the door it came in by, in order.</summary>
    public ConcurrentQueue<(string RunId, RunOrigin Origin)> Handled { get; }

    /// <param name="sandbox">The service.</param>
    /// <param name="temp">The test's folder: state file and spools.</param>
    /// <param name="pollInterval">How often the hosted service polls.</param>
    /// <param name="handle">Runs inside the handler, after the run is recorded in <see cref="Handled"/>.</param>
    /// <param name="front">A middleware before the endpoint (a test's gate), or none.</param>
    public static async Task<CollectorApp> StartAsync(
        ReportsSandbox sandbox, string temp, TimeSpan pollInterval, Func<CollectedRun, CancellationToken, Task>? handle = null, Func<HttpContext, Func<Task>, Task>? front = null)
    {
        var client = PushedRunsDownloadable.Wrap(sandbox.CreateClient());
        var handled = new ConcurrentQueue<(string RunId, RunOrigin Origin)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(client);
        builder.Services
            .AddHeloReportsCollector(o =>
            {
                o.InstanceName = "both-doors";
                o.TemporaryDirectory = temp;
                o.PollInterval = pollInterval;
            })
            .UseSqliteState(Path.Combine(temp, "state.db"))
            .AddHandler("recording", async (run, ct) =>
            {
                handled.Enqueue((run.RunId, run.Origin));
                await (handle?.Invoke(run, ct) ?? Task.CompletedTask);
            });
        NoGaps.AddIfMissing(builder.Services);
        builder.Services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = [Deliveries.Secret];
            o.TemporaryDirectory = temp;

            // Room for every push at once: these tests are about the two doors, not the cap on unverified bodies.
            o.MaxConcurrentDeliveries = 32;
        });
        var app = builder.Build();
        if (front is not null)
        {
            app.Use(front);
        }

        app.MapHeloReportsCollectorWebhook("/hooks");
        await app.StartAsync();
        return new CollectorApp(app, client, handled);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        (_client as IDisposable)?.Dispose();
    }
}
