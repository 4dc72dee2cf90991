using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace HeloData.Reports.Collector.Tests.Hosting;

/// <summary><c>UseSqliteState</c>: the store it registers, where its file goes, and under which name and clock.</summary>
public sealed class UseSqliteStateTests
{
    private readonly TimeProvider _time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();

    [Test]
    public async Task A_relative_path_is_in_the_hosts_content_root_under_the_options_instance_name_and_replaces_the_store_chosen_before()
    {
        var services = Services(instanceName: "collector-7");
        services.AddSingleton<IHostEnvironment>(new Environment("/srv/app"));
        services.AddSingleton<ICollectorStateStore>(new InMemoryCollectorStateStore("earlier", _time));

        new Builder(services).UseSqliteState(Path.Combine("state", "collector.db"));
        await using var provider = services.BuildServiceProvider();

        var store = (SqliteCollectorStateStore)provider.GetRequiredService<ICollectorStateStore>();
        Assert.That((store.Path, store.InstanceName), Is.EqualTo(("/srv/app/state/collector.db", "collector-7")));
        Assert.That(services.Count(service => service.ServiceType == typeof(ICollectorStateStore)), Is.EqualTo(1));
        Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(_time));
    }

    [Test]
    public async Task Without_a_host_a_relative_path_is_in_the_applications_folder_an_absolute_one_is_kept_and_the_name_is_the_machines()
    {
        var relative = Services(instanceName: null);
        new Builder(relative).UseSqliteState("collector.db");
        var absolute = Services(instanceName: null);
        new Builder(absolute).UseSqliteState("/var/lib/collector/state.db");
        await using var relativeProvider = relative.BuildServiceProvider();
        await using var absoluteProvider = absolute.BuildServiceProvider();

        var inApp = (SqliteCollectorStateStore)relativeProvider.GetRequiredService<ICollectorStateStore>();
        var kept = (SqliteCollectorStateStore)absoluteProvider.GetRequiredService<ICollectorStateStore>();

        Assert.That((inApp.Path, inApp.InstanceName), Is.EqualTo((Path.Combine(AppContext.BaseDirectory, "collector.db"), System.Environment.MachineName)));
        Assert.That(kept.Path, Is.EqualTo("/var/lib/collector/state.db"));
    }

    [Test]
    public void An_empty_path_is_refused_when_registered()
    {
        Assert.That(() => new Builder(Services(null)).UseSqliteState(" "), Throws.ArgumentException);
    }

    private ServiceCollection Services(string? instanceName)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_time);
        services.AddOptions<ReportsCollectorOptions>().Configure(o => o.InstanceName = instanceName);
        return services;
    }

    private sealed class Builder(IServiceCollection services) : IReportsCollectorBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IReportsCollectorBuilder AddHandler(string name, Func<IServiceProvider, IRunHandler> factory) => throw new NotSupportedException("not used here");
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Test";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
