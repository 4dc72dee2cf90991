using HeloData.Reports.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.State;

/// <summary>The start's check that this instance's clock agrees with the database's, which leases rest on.</summary>
[Category("PostgreSql")]
public sealed class ClockSkewTests
{
    [Test]
    public async Task A_clock_off_the_databases_by_more_than_a_quarter_lease_is_warned_of_at_start()
    {
        var warnings = await StartWarningsAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.StartWith("Instance a's clock is 6").And.Contain("s behind the clock of").And.Contain("quarter of the claim lease (15 s)"));
    }

    [Test]
    public async Task A_clock_in_step_with_the_databases_is_not_warned_of()
    {
        Assert.That(await StartWarningsAsync(TimeProvider.System), Is.Empty);
    }

    private static async Task<IReadOnlyList<string>> StartWarningsAsync(TimeProvider time)
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        using var capture = new LogCapture();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(capture));
        await using var store = new PostgreSqlCollectorStateStore(NpgsqlDataSource.Create(database.ConnectionString), ownsDataSource: true, "a", time, PostgreSqlCollectorStateStore.DefaultSchema, factory.CreateLogger<PostgreSqlCollectorStateStore>())
        {
            ClockSkewLimit = TimeSpan.FromSeconds(15),
        };

        await store.StartAsync(default);

        return [.. capture.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message)];
    }
}
