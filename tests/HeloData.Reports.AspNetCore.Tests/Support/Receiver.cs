using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>A real ASP.NET Core app on Kestrel, loopback, with the webhook endpoint mapped at <c>/hooks</c>.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Receiver(WebApplication app, Uri address, ConcurrentQueue<string> logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
    }

    public Uri Address { get; }

    /// <summary>Every log line the app wrote, formatted, exceptions included.</summary>
    public ConcurrentQueue<string> Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<Receiver> StartAsync(
        Func<ReportDelivery, CancellationToken, Task> handler, Action<ReportWebhookOptions>? configure = null, HeloData.Reports.Collector.ICollectorStateStore? store = null, int port = 0, string? secret = null, Action<IServiceCollection>? services = null)
    {
        var logs = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders().AddProvider(new QueueLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        if (store is not null)
        {
            builder.Services.AddSingleton(store);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = [secret ?? Deliveries.Secret];
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapHeloReportsWebhook("/hooks", handler);
        await app.StartAsync();
        return new Receiver(app, new Uri(app.Urls.First() + "/hooks"), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
