using Microsoft.Extensions.Hosting;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Opens and checks the state store while the host starts, before the server takes a request: a store that
/// cannot work (a corrupt file, a folder that cannot be written, a lock held by another process) fails the
/// start with a message naming the file, instead of failing every delivery later. With the collector registered too,
/// the collector starts the same store again: a store's start is idempotent (several instances may start at once).
/// </summary>
internal sealed class DeliveryStoreStartup(WebhookStateStore state) : IHostedLifecycleService
{
    // Starting runs before any hosted service's StartAsync, the web server's included.
    public Task StartingAsync(CancellationToken cancellationToken) => state.StartAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
