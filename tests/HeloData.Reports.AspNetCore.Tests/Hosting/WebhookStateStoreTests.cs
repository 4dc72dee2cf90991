using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>The endpoint records into the collector's state store when the collector is registered, in either order, and into a SQLite file of its own otherwise.</summary>
public sealed class WebhookStateStoreTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("helodata-webhook-state-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [TestCase(true)]
    [TestCase(false)]
    public async Task With_the_collector_registered_before_or_after_the_receiver_both_use_its_one_store(bool collectorFirst)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (collectorFirst)
        {
            AddCollector(services);
        }

        services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"];
            o.StorePath = Path.Combine(_folder, "receiver-own.db");
        });
        if (!collectorFirst)
        {
            AddCollector(services);
        }

        await using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<WebhookStateStore>().Store, Is.SameAs(provider.GetRequiredService<ICollectorStateStore>()));
        Assert.That(provider.GetRequiredService<ICollectorStateStore>(), Is.InstanceOf<SqliteCollectorStateStore>().With.Property(nameof(SqliteCollectorStateStore.Path)).EqualTo(Path.Combine(_folder, "collector.db")));
    }

    [Test]
    public async Task With_the_collector_and_no_store_chosen_both_doors_share_the_collectors_default_sqlite_file()
    {
        var services = new ServiceCollection();
        services.AddHeloReportsWebhooks(o => o.SigningSecrets = ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);
        services.AddHeloReportsCollector(o => o.InstanceName = "collector-a");

        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<WebhookStateStore>().Store;
        Assert.That(store, Is.SameAs(provider.GetRequiredService<ICollectorStateStore>()));
        Assert.That(store, Is.InstanceOf<SqliteCollectorStateStore>(), "durable, as the receiver's own store was");
        Assert.That((((SqliteCollectorStateStore)store).Path, ((SqliteCollectorStateStore)store).InstanceName), Is.EqualTo((Path.Combine(AppContext.BaseDirectory, "helodata-collector.db"), "collector-a")));
    }

    [Test]
    public async Task Without_the_collector_the_receiver_keeps_a_sqlite_store_of_its_own_at_store_path_under_its_instance_name()
    {
        var services = new ServiceCollection();
        services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"];
            o.StorePath = Path.Combine(_folder, "receiver-own.db");
            o.InstanceName = "receiver-a";
        });

        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<WebhookStateStore>().Store;
        Assert.That(store, Is.InstanceOf<SqliteCollectorStateStore>());
        Assert.That((((SqliteCollectorStateStore)store).Path, ((SqliteCollectorStateStore)store).InstanceName), Is.EqualTo((Path.Combine(_folder, "receiver-own.db"), "receiver-a")));
        Assert.That(provider.GetService<ICollectorStateStore>(), Is.Null, "nothing registered for others to find: a collector added later brings its own default");
    }

    [Test]
    public async Task A_container_disposed_synchronously_closes_the_receivers_own_store()
    {
        var services = new ServiceCollection();
        services.AddHeloReportsWebhooks(o =>
        {
            o.SigningSecrets = ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"];
            o.StorePath = Path.Combine(_folder, "receiver-own.db");
            o.InstanceName = "receiver-a";
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<WebhookStateStore>().StartAsync(default);

        provider.Dispose();

        // Its instance lock is let go: a next life under the same name starts.
        await using var next = new SqliteCollectorStateStore(Path.Combine(_folder, "receiver-own.db"), "receiver-a", TimeProvider.System);
        Assert.That(() => next.StartAsync(default), Throws.Nothing);
    }

    private void AddCollector(IServiceCollection services) =>
        services.AddHeloReportsCollector(o => o.InstanceName = "collector-a").UseSqliteState(Path.Combine(_folder, "collector.db"));
}
