using HeloData.Reports.AspNetCore;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>Both stores keep the same rules: claim, complete for good, release to retry, expire a dead claim.</summary>
public sealed class StoreTests
{
    private string _folder = null!;
    private Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("helodata-store-test-").FullName;
        _time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IEnumerable<IReportDeliveryStore> Stores() =>
        [new InMemoryReportDeliveryStore(_time), new SqliteReportDeliveryStore(Path.Combine(_folder, "sub", "store.db"), _time)];

    [Test]
    public async Task A_claim_completed_is_handled_for_good()
    {
        foreach (var store in Stores())
        {
            Assert.That(await store.TryClaimAsync("run_1", TimeSpan.FromMinutes(1), default), Is.EqualTo(ReportDeliveryClaim.Claimed), store.GetType().Name);
            Assert.That(await store.TryClaimAsync("run_1", TimeSpan.FromMinutes(1), default), Is.EqualTo(ReportDeliveryClaim.InProgress), store.GetType().Name);
            await store.CompleteAsync("run_1", default);
            _time.Advance(TimeSpan.FromDays(400));
            Assert.That(await store.TryClaimAsync("run_1", TimeSpan.FromMinutes(1), default), Is.EqualTo(ReportDeliveryClaim.AlreadyHandled), store.GetType().Name);
            await store.ReleaseAsync("run_1", default);
            Assert.That(await store.TryClaimAsync("run_1", TimeSpan.FromMinutes(1), default), Is.EqualTo(ReportDeliveryClaim.AlreadyHandled), "release never undoes a completion");
        }
    }

    [Test]
    public async Task A_released_claim_can_be_claimed_again()
    {
        foreach (var store in Stores())
        {
            await store.TryClaimAsync("run_2", TimeSpan.FromMinutes(1), default);
            await store.ReleaseAsync("run_2", default);
            Assert.That(await store.TryClaimAsync("run_2", TimeSpan.FromMinutes(1), default), Is.EqualTo(ReportDeliveryClaim.Claimed), store.GetType().Name);
        }
    }

    [Test]
    public async Task A_claim_nobody_finished_expires_after_its_lease()
    {
        foreach (var store in Stores())
        {
            await store.TryClaimAsync("run_3", TimeSpan.FromMinutes(10), default);
            _time.Advance(TimeSpan.FromMinutes(9));
            Assert.That(await store.TryClaimAsync("run_3", TimeSpan.FromMinutes(10), default), Is.EqualTo(ReportDeliveryClaim.InProgress), store.GetType().Name);
            _time.Advance(TimeSpan.FromMinutes(2));
            Assert.That(await store.TryClaimAsync("run_3", TimeSpan.FromMinutes(10), default), Is.EqualTo(ReportDeliveryClaim.Claimed), store.GetType().Name);
        }
    }

    [Test]
    public async Task The_sqlite_store_remembers_across_instances_and_concurrent_claims_get_one_winner()
    {
        var path = Path.Combine(_folder, "shared.db");
        await new SqliteReportDeliveryStore(path, _time).CompleteAsync("run_done", default);

        var stores = Enumerable.Range(0, 8).Select(_ => new SqliteReportDeliveryStore(path, _time)).ToArray();
        Assert.That(await stores[3].TryClaimAsync("run_done", TimeSpan.FromMinutes(1), default), Is.EqualTo(ReportDeliveryClaim.AlreadyHandled));

        var claims = await Task.WhenAll(stores.Select(store => Task.Run(() => store.TryClaimAsync("run_race", TimeSpan.FromMinutes(1), default))));
        Assert.That(claims.Count(claim => claim == ReportDeliveryClaim.Claimed), Is.EqualTo(1));
        Assert.That(claims.Count(claim => claim == ReportDeliveryClaim.InProgress), Is.EqualTo(7));
    }
}
