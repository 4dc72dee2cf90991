using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Cli.Collect;

/// <summary>
/// <c>collect</c>'s API client, registered as an application registers it (<c>AddHeloReports</c>) in a container of
/// its own on <see cref="CliContext.Time"/>, the real clock: its timeouts, retry delays and download idle timeout stay
/// real time while the collector's clock may be a sandbox's scaled one.
/// </summary>
internal sealed class ClientServices : IDisposable
{
    private readonly ServiceProvider _services;

    public ClientServices(CliContext context, ReportsClientOptions client)
    {
        var services = new ServiceCollection();
        services.AddSingleton(context.Time);
        services.AddLogging(logging => logging.AddProvider(new ProgressLoggerProvider(context.Error)));
        services.AddHeloReports(options =>
        {
            options.ApiKey = client.ApiKey;
            options.BaseAddress = client.BaseAddress;
        });
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<IReportsClient>();
    }

    public IReportsClient Client { get; }

    public void Dispose() => _services.Dispose();
}
