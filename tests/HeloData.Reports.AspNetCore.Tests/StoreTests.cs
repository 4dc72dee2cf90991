using Microsoft.Data.Sqlite;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>
/// Both stores keep the same rules: claim, complete for good, release to retry, renew while handling, take over a
/// lapsed claim and say it may have been handled. The SQLite store's start-up check and its instance lock.
/// </summary>
public sealed class StoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly List<IAsyncDisposable> _opened = [];
    private string _folder = null!;
    private Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("helodata-store-test-").FullName;
        _time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        _opened.Clear();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_claim_completed_is_handled_for_good()
    {
        foreach (var store in Stores())
        {
            Assert.That((await store.TryClaimAsync("run_1", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.Claimed), store.GetType().Name);
            Assert.That((await store.TryClaimAsync("run_1", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.InProgress), store.GetType().Name);
            await store.CompleteAsync("run_1", default);
            _time.Advance(TimeSpan.FromDays(400));
            Assert.That((await store.TryClaimAsync("run_1", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.AlreadyHandled), store.GetType().Name);
            await store.ReleaseAsync("run_1", default);
            Assert.That(await store.RenewAsync("run_1", Lease, default), Is.False, "a handled run has no claim to renew");
            Assert.That((await store.TryClaimAsync("run_1", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.AlreadyHandled), "release never undoes a completion");
        }
    }

    [Test]
    public async Task A_released_claim_can_be_claimed_again_as_the_next_attempt_and_was_not_handled()
    {
        foreach (var store in Stores())
        {
            var first = await store.TryClaimAsync("run_2", Lease, default);
            await store.ReleaseAsync("run_2", default);
            var second = await store.TryClaimAsync("run_2", Lease, default);

            Assert.That((first.Status, first.Attempt, first.MayHaveBeenHandled), Is.EqualTo((ReportDeliveryClaimStatus.Claimed, 1, false)), store.GetType().Name);
            Assert.That((second.Status, second.Attempt, second.MayHaveBeenHandled), Is.EqualTo((ReportDeliveryClaimStatus.Claimed, 2, false)), "a handler that threw is known not to have finished");
        }
    }

    [Test]
    public async Task A_claim_nobody_renews_is_taken_over_after_its_lease_and_the_taker_is_told_it_may_have_been_handled()
    {
        foreach (var store in Stores())
        {
            await store.TryClaimAsync("run_3", Lease, default);
            _time.Advance(Lease - TimeSpan.FromSeconds(1));
            Assert.That((await store.TryClaimAsync("run_3", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.InProgress), store.GetType().Name);
            _time.Advance(TimeSpan.FromSeconds(2));

            var taken = await store.TryClaimAsync("run_3", Lease, default);

            Assert.That((taken.Status, taken.Attempt, taken.MayHaveBeenHandled), Is.EqualTo((ReportDeliveryClaimStatus.Claimed, 2, true)), store.GetType().Name);
        }
    }

    [Test]
    public async Task A_renewed_claim_holds_past_its_first_lease()
    {
        foreach (var store in Stores())
        {
            await store.TryClaimAsync("run_4", Lease, default);
            for (var beat = 0; beat < 6; beat++)
            {
                _time.Advance(Lease / 3);
                Assert.That(await store.RenewAsync("run_4", Lease, default), Is.True, store.GetType().Name);
            }

            Assert.That((await store.TryClaimAsync("run_4", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.InProgress), "two leases later, still held");
        }
    }

    [Test]
    public async Task The_sqlite_store_remembers_across_instances_and_concurrent_claims_get_one_winner()
    {
        var path = Path.Combine(_folder, "shared.db");
        await Open(path).CompleteAsync("run_done", default);

        var stores = Enumerable.Range(0, 8).Select(i => Open(path, $"receiver-{i}")).ToArray();
        Assert.That((await stores[3].TryClaimAsync("run_done", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.AlreadyHandled));

        var claims = await Task.WhenAll(stores.Select(store => Task.Run(() => store.TryClaimAsync("run_race", Lease, default))));
        Assert.That(claims.Count(claim => claim.Status == ReportDeliveryClaimStatus.Claimed), Is.EqualTo(1));
        Assert.That(claims.Count(claim => claim.Status == ReportDeliveryClaimStatus.InProgress), Is.EqualTo(7));
    }

    [Test]
    public async Task A_restart_releases_at_once_the_claims_its_previous_life_left_and_only_those()
    {
        var path = Path.Combine(_folder, "restart.db");
        var before = Open(path, "receiver-a");
        await before.StartAsync(default);
        await before.TryClaimAsync("run_mine", Lease, default);
        var other = Open(path, "receiver-b");
        await other.StartAsync(default);
        await other.TryClaimAsync("run_theirs", Lease, default);
        await before.DisposeAsync(); // what a kill -9 leaves: the claim, and no holder of receiver-a's lock

        var after = Open(path, "receiver-a");
        await after.StartAsync(default);

        var mine = await after.TryClaimAsync("run_mine", Lease, default);
        Assert.That((mine.Status, mine.Attempt, mine.MayHaveBeenHandled), Is.EqualTo((ReportDeliveryClaimStatus.Claimed, 2, true)), "no lease to wait out, and the handler may have finished");
        Assert.That((await after.TryClaimAsync("run_theirs", Lease, default)).Status, Is.EqualTo(ReportDeliveryClaimStatus.InProgress), "another live receiver's claim stays");
    }

    [Test]
    public async Task A_second_live_store_under_the_same_instance_name_fails_to_start_naming_the_file_and_the_name()
    {
        var path = Path.Combine(_folder, "twice.db");
        await Open(path, "receiver-a").StartAsync(default);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Open(path, "receiver-a").StartAsync(default));

        Assert.That(exception!.Message, Does.Contain(path).And.Contain("receiver-a").And.Contain(nameof(ReportWebhookOptions.InstanceName)));
    }

    [Test]
    public async Task A_file_that_is_not_a_database_fails_the_start_naming_it()
    {
        var path = Path.Combine(_folder, "corrupt.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7))]);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Open(path).StartAsync(default));

        Assert.That(exception!.Message, Does.Contain(path).And.Contain("not a SQLite database"));
    }

    [Test]
    public async Task A_folder_that_cannot_be_created_fails_the_start_naming_the_file()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the store's folder should be");
        var path = Path.Combine(blocker, "store.db");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Open(path).StartAsync(default));

        Assert.That(exception!.Message, Does.Contain(path));
    }

    [Test]
    public async Task A_lock_another_process_holds_fails_the_start_after_the_busy_timeout_naming_the_file()
    {
        var path = Path.Combine(_folder, "locked.db");
        await Open(path).StartAsync(default);
        await using var holder = HoldExclusiveLock(path);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Open(path, "receiver-b").StartAsync(default));

        Assert.That(exception!.Message, Does.Contain(path).And.Contain("lock"));
    }

    /// <summary>What another program (a backup, the sqlite3 shell) does when it holds the file: an exclusive transaction left open.</summary>
    internal static SqliteConnection HoldExclusiveLock(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE; UPDATE helodata_deliveries SET attempts = attempts;";
        begin.ExecuteNonQuery();
        return connection;
    }

    private IEnumerable<IReportDeliveryStore> Stores() =>
        [new InMemoryReportDeliveryStore(_time), Open(Path.Combine(_folder, "sub", "store.db"))];

    private SqliteReportDeliveryStore Open(string path, string? instanceName = null)
    {
        var store = new SqliteReportDeliveryStore(path, _time, instanceName);
        _opened.Add(store);
        return store;
    }
}
