namespace HeloData.Reports.WebhookReceiver;

/// <summary>
/// Sweeps the partial copies a killed receiver left in the folder, once this receiver is known to be the only
/// one using it: registered after <c>AddHeloReportsWebhooks</c>, its <see cref="StartingAsync"/> runs after the
/// store's, which takes the instance lock (a second receiver on the folder fails there, before it deletes
/// anything), and before any <c>StartAsync</c>, the web server's included, so no delivery is being saved yet.
/// </summary>
internal sealed class LeftoverSweep(DeliveryFolder folder) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (folder.SweepLeftovers() is > 0 and var swept)
        {
            Console.WriteLine($"Deleted {swept} partial file(s) a stopped receiver left in {folder.Path}.");
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
