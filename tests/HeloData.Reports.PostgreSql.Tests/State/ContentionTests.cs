using System.Collections.Concurrent;
using HeloData.Reports.Collector;
using HeloData.Reports.PostgreSql.Tests.Support;

namespace HeloData.Reports.PostgreSql.Tests.State;

/// <summary>Instances sharing one database at once: every run goes to one claim, and the schema is made once.</summary>
[Category("PostgreSql")]
public sealed class ContentionTests
{
    private static readonly DateOnly May1 = new(2026, 5, 1);

    [Test]
    public async Task Two_instances_contending_for_1000_runs_from_parallel_tasks_claim_each_once()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var a = await Stores.StartAsync(database.ConnectionString, "a");
        await using var b = await Stores.StartAsync(database.ConnectionString, "b");
        var runs = Enumerable.Range(0, 1000).Select(i => new RunRecord { RunId = $"run_{i:D4}", ReportId = "rep_1", From = May1, To = May1 }).ToArray();
        var claims = new ConcurrentBag<(string RunId, string Instance)>();
        var refusals = new ConcurrentBag<RunClaimStatus>();

        // Four tasks per instance, each walking every run in an order of its own.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            var store = task % 2 == 0 ? a : b;
            foreach (var run in runs.OrderBy(_ => Random.Shared.Next()))
            {
                var claim = await store.TryClaimAsync(run, TimeSpan.FromHours(1), default);
                if (claim.Status == RunClaimStatus.Claimed)
                {
                    claims.Add((run.RunId, store.InstanceName));
                }
                else
                {
                    refusals.Add(claim.Status);
                }
            }
        })));

        Assert.That(claims.Select(claim => claim.RunId), Is.EquivalentTo(runs.Select(run => run.RunId)), "each run claimed once");
        Assert.That(refusals, Has.Count.EqualTo(7000).And.All.EqualTo(RunClaimStatus.InProgress));
        Assert.That(claims.Select(claim => claim.Instance).Distinct(), Is.EquivalentTo(new[] { "a", "b" }), "both instances took part");
        Assert.That(await Stores.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM helodata_collector.runs WHERE attempts = 1 AND status = 'claimed'"), Is.EqualTo(1000));
    }

    [Test]
    public async Task Five_instances_starting_at_once_create_the_schema_once()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var stores = Enumerable.Range(0, 5).Select(i => Stores.Create(database.ConnectionString, $"instance_{i}")).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(store => Task.Run(() => store.StartAsync(default))));

            var versions = await Stores.ScalarAsync<string>(database.ConnectionString, "SELECT string_agg(version::text, ',' ORDER BY version) FROM helodata_collector.schema_version");
            Assert.That(versions, Is.EqualTo(string.Join(',', Enumerable.Range(1, CollectorSchema.LatestVersion))), "each version applied once");
            var claims = await Task.WhenAll(stores.Select(store => store.TryClaimAsync(new RunRecord { RunId = "run_1", ReportId = "rep_1", From = May1, To = May1 }, TimeSpan.FromMinutes(1), default)));
            Assert.That(claims.Count(claim => claim.Status == RunClaimStatus.Claimed), Is.EqualTo(1));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
