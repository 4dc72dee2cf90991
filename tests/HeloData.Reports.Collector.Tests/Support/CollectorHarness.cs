using HeloData.Reports.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>
/// One collector instance as an application builds it (<c>AddHeloReports</c> against the sandbox, then
/// <c>AddHeloReportsCollector</c>), on an in-memory store whose state several harnesses can share, with a
/// recording gap finder in place of the real one.
/// </summary>
internal sealed class CollectorHarness : IAsyncDisposable
{
    private CollectorHarness(ServiceProvider provider, InMemoryCollectorStateStore store, RecordingGapFinder gaps)
    {
        Provider = provider;
        Store = store;
        Gaps = gaps;
        Collector = provider.GetRequiredService<IReportsCollector>();
    }

    public ServiceProvider Provider { get; }

    public IReportsCollector Collector { get; }

    public InMemoryCollectorStateStore Store { get; }

    public RecordingGapFinder Gaps { get; }

    public CollectorSpool Spool => Provider.GetRequiredService<CollectorSpool>();

    /// <summary>Builds an instance.</summary>
    /// <param name="sandbox">The service.</param>
    /// <param name="temp">The test's temporary folder: the spool goes under it.</param>
    /// <param name="build">Adds the handlers.</param>
    /// <param name="state">A state shared with other instances; a new one when null.</param>
    /// <param name="instance">The instance's name.</param>
    /// <param name="time">The collector's clock (the client keeps the system's, as the sandbox does).</param>
    /// <param name="configure">Further options.</param>
    /// <param name="client">The client, in place of the sandbox's (a test's tampered one).</param>
    /// <param name="wrapStore">Puts a test's store around the in-memory one.</param>
    public static CollectorHarness Start(
        ReportsSandbox sandbox,
        string temp,
        Action<IReportsCollectorBuilder> build,
        InMemoryCollectorState? state = null,
        string instance = "a",
        TimeProvider? time = null,
        Action<ReportsCollectorOptions>? configure = null,
        IReportsClient? client = null,
        Func<ICollectorStateStore, ICollectorStateStore>? wrapStore = null)
    {
        var services = new ServiceCollection();
        var (store, gaps) = Register(services, sandbox, temp, build, state, instance, time, configure, client, wrapStore);
        return new CollectorHarness(services.BuildServiceProvider(), store, gaps);
    }

    /// <summary>Registers an instance in <paramref name="services"/> (an application's, or a host's); the parameters are <see cref="Start"/>'s.</summary>
    public static (InMemoryCollectorStateStore Store, RecordingGapFinder Gaps) Register(
        IServiceCollection services,
        ReportsSandbox sandbox,
        string temp,
        Action<IReportsCollectorBuilder> build,
        InMemoryCollectorState? state = null,
        string instance = "a",
        TimeProvider? time = null,
        Action<ReportsCollectorOptions>? configure = null,
        IReportsClient? client = null,
        Func<ICollectorStateStore, ICollectorStateStore>? wrapStore = null)
    {
        var clock = time ?? TimeProvider.System;
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddHeloReports(o =>
        {
            sandbox.Configure(o);
            o.TimeProvider = TimeProvider.System;
        });
        if (client is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(client));
        }

        var store = new InMemoryCollectorStateStore(instance, clock, state ?? new InMemoryCollectorState());
        var gaps = new RecordingGapFinder();
        var builder = services.AddHeloReportsCollector(o =>
        {
            o.InstanceName = instance;
            o.TemporaryDirectory = temp;
            configure?.Invoke(o);
        });
        services.Replace(ServiceDescriptor.Singleton(wrapStore?.Invoke(store) ?? store));
        services.AddSingleton<IGapFinder>(gaps);
        build(builder);
        return (store, gaps);
    }

    /// <summary>Which of the runs the store records as collected.</summary>
    public async Task<IReadOnlySet<string>> SettledAsync(params string[] runIds) =>
        await Store.FindSettledAsync(runIds, CancellationToken.None);

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
