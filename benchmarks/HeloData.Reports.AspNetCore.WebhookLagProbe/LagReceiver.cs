using System.Collections.Concurrent;
using HeloData.Reports.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.AspNetCore.WebhookLagProbe;

/// <summary>
/// The application under measure, as a user writes it: <c>AddHeloReports</c>, <c>AddHeloReportsCollector</c> (SQLite
/// state, the directory sink, and a handler that notes when it saw the run), <c>AddHeloReportsWebhooks</c> and
/// <c>MapHeloReportsCollectorWebhook("/hooks")</c>, on Kestrel, loopback. A middleware in front notes when each
/// delivery's request arrived and when it was answered; every time is the system clock's, as the sandbox's.
/// </summary>
internal sealed class LagReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly WebApplication _app;

    private LagReceiver(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First() + "/hooks");

    /// <summary>Per run id: the delivery's request arrived (headers read), the handler saw the run, the answer was ready.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Arrived { get; } = new();

    public ConcurrentDictionary<string, DateTimeOffset> Handled { get; } = new();

    public ConcurrentDictionary<string, (DateTimeOffset At, int Status)> Answered { get; } = new();

    public static async Task<LagReceiver> StartAsync(ReportsSandbox sandbox, string temp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHeloReports(sandbox.Configure);
        LagReceiver? receiver = null;
        builder.Services
            .AddHeloReportsCollector(o =>
            {
                o.TemporaryDirectory = temp;

                // The probe's runs come in by the webhook; a poll taking one first would leave its handler time unknown.
                o.PollInterval = TimeSpan.FromHours(1);
            })
            .UseSqliteState(Path.Combine(temp, "state.db"))
            .WriteToDirectory(Path.Combine(temp, "out"))
            .AddHandler("seen", (run, _) =>
            {
                receiver!.Handled[run.RunId] = TimeProvider.System.GetUtcNow();
                return Task.CompletedTask;
            });
        builder.Services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = [Secret];
            o.TemporaryDirectory = temp;
        });
        var app = builder.Build();
        receiver = new LagReceiver(app);
        app.Use(async (context, next) =>
        {
            var id = context.Request.Headers["webhook-id"].ToString();
            receiver.Arrived[id] = TimeProvider.System.GetUtcNow();
            await next();
            receiver.Answered[id] = (TimeProvider.System.GetUtcNow(), context.Response.StatusCode);
        });
        app.MapHeloReportsCollectorWebhook("/hooks");
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
