using Microsoft.Extensions.Hosting;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Opens and checks the delivery store while the host starts, before the server takes a request: a store that
/// cannot work (a corrupt file, a folder that cannot be written, a lock held by another process) fails the
/// start with a message naming the file, instead of failing every delivery later.
/// </summary>
internal sealed class DeliveryStoreStartup(IReportDeliveryStore store) : IHostedLifecycleService
{
    // Starting runs before any hosted service's StartAsync, the web server's included.
    public Task StartingAsync(CancellationToken cancellationToken) => store.StartAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
