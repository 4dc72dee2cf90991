using HeloData.Reports.Collector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests;

/// <summary>UsePostgreSqlState: what it registers, and what it refuses. No server needed: nothing connects before the store starts.</summary>
public sealed class ReportsCollectorPostgreSqlExtensionsTests
{
    private const string Password = "s3cret-Pa55word";

    [Test]
    public async Task The_store_replaces_any_other_with_the_options_instance_name_and_the_registered_clock()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddSingleton<ICollectorStateStore>(new InMemoryCollectorStateStore("other", time));
        var builder = new CollectorBuilder(services.Configure<ReportsCollectorOptions>(o => o.InstanceName = "collector-7"));

        builder.UsePostgreSqlState($"Host=db.example;Port=6432;Database=ops;Username=helo;Password={Password}", schema: "collector");
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ICollectorStateStore>();

        Assert.That(store, Is.InstanceOf<PostgreSqlCollectorStateStore>());
        var postgres = (PostgreSqlCollectorStateStore)store;
        Assert.That((postgres.InstanceName, postgres.Schema, postgres.Endpoint.ToString()), Is.EqualTo(("collector-7", "collector", "db.example:6432/ops")));
        Assert.That(postgres.ToString(), Does.Not.Contain(Password));
        Assert.That(services.Count(service => service.ServiceType == typeof(ICollectorStateStore)), Is.EqualTo(1));
    }

    [Test]
    public async Task The_stores_clock_check_allows_a_quarter_of_the_options_claim_lease()
    {
        var services = new ServiceCollection().Configure<ReportsCollectorOptions>(o => o.ClaimLease = TimeSpan.FromMinutes(4));
        new CollectorBuilder(services).UsePostgreSqlState("Host=db.example;Database=ops");
        await using var provider = services.BuildServiceProvider();

        Assert.That(((PostgreSqlCollectorStateStore)provider.GetRequiredService<ICollectorStateStore>()).ClockSkewLimit, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task Without_an_instance_name_the_machine_name_is_used()
    {
        var services = new ServiceCollection().AddOptions<ReportsCollectorOptions>().Services;
        new CollectorBuilder(services).UsePostgreSqlState("Host=127.0.0.1");
        await using var provider = services.BuildServiceProvider();

        Assert.That(((PostgreSqlCollectorStateStore)provider.GetRequiredService<ICollectorStateStore>()).InstanceName, Is.EqualTo(Environment.MachineName));
    }

    [Test]
    public async Task A_data_source_the_application_gives_is_left_open_when_the_services_are_disposed()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Password={Password}");
        var services = new ServiceCollection().AddOptions<ReportsCollectorOptions>().Services;
        new CollectorBuilder(services).UsePostgreSqlState(dataSource);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.That(((PostgreSqlCollectorStateStore)provider.GetRequiredService<ICollectorStateStore>()).DataSource, Is.SameAs(dataSource));
        }

        Assert.DoesNotThrow(() => dataSource.CreateConnection().Dispose());
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_data_sources_password_shows_nowhere_even_when_npgsql_keeps_it(bool persistSecurityInfo)
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Username=helo;Password={Password};Persist Security Info={persistSecurityInfo}");
        await using var store = new PostgreSqlCollectorStateStore(dataSource, "a", TimeProvider.System);

        Assert.That(dataSource.ConnectionString.Contains(Password, StringComparison.Ordinal), Is.EqualTo(persistSecurityInfo), "what Npgsql exposes");
        Assert.That(store.ToString() + store.Endpoint.Describe(), Does.Not.Contain(Password));
    }

    [TestCase("Host=;Password=" + Password, "names no Host")]
    [TestCase("Host=127.0.0.1;Pasword=" + Password, "pasword")]
    [TestCase("Host=127.0.0.1;Port=" + Password, "not valid")]
    public void A_connection_string_that_cannot_be_read_is_refused_without_its_values(string connectionString, string named)
    {
        var builder = new CollectorBuilder(new ServiceCollection());

        var failure = Assert.Throws<ArgumentException>(() => builder.UsePostgreSqlState(connectionString));

        Assert.That(failure!.Message, Does.Contain(named).IgnoreCase);
        Assert.That(failure.ToString(), Does.Not.Contain(Password));
    }

    [Test]
    public void A_bad_schema_name_is_refused_at_registration()
    {
        var builder = new CollectorBuilder(new ServiceCollection());

        Assert.That(() => builder.UsePostgreSqlState("Host=127.0.0.1", "Bad-Name"), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("schema"));
    }

    /// <summary>The builder AddHeloReportsCollector returns, reduced to what Use…State needs.</summary>
    private sealed class CollectorBuilder(IServiceCollection services) : IReportsCollectorBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IReportsCollectorBuilder AddHandler(string name, Func<IServiceProvider, IRunHandler> factory) =>
            throw new NotSupportedException("These tests add no handler.");
    }
}
