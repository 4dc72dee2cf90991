using HeloData.Reports.Collector;
using HeloData.Reports.PostgreSql.Tests.Support;
using Npgsql;

namespace HeloData.Reports.PostgreSql.Tests.State;

/// <summary>What <see cref="PostgreSqlCollectorStateStore.StartAsync"/> does to a database, and how it fails.</summary>
[Category("PostgreSql")]
public sealed class StartTests
{
    private const string Password = "s3cret-Pa55word";

    [Test]
    public async Task A_start_records_the_schema_version_and_a_second_start_finds_it_in_place()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using (var first = await Stores.StartAsync(database.ConnectionString, "a"))
        {
            await first.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = DateTimeOffset.UnixEpoch }, default);
        }

        await using var second = await Stores.StartAsync(database.ConnectionString, "a");

        Assert.That(await Stores.ScalarAsync<int>(database.ConnectionString, "SELECT max(version) FROM helodata_collector.schema_version"), Is.EqualTo(CollectorSchema.LatestVersion));
        Assert.That(await Stores.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM helodata_collector.schema_version"), Is.EqualTo(CollectorSchema.LatestVersion));
        Assert.That((await second.GetReportCheckpointAsync("rep_1", default))?.At, Is.EqualTo(DateTimeOffset.UnixEpoch), "the data survived the second start");
    }

    [Test]
    public async Task A_schema_version_1_made_is_upgraded_once_and_its_checkpoints_have_no_schedule()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        (await Stores.StartAsync(database.ConnectionString, "a")).Dispose();
        await Stores.ExecuteAsync(database.ConnectionString, """
            ALTER TABLE helodata_collector.checkpoints DROP COLUMN schedule, DROP COLUMN schedule_seen_at;
            DELETE FROM helodata_collector.schema_version WHERE version = 2;
            INSERT INTO helodata_collector.checkpoints (report_id, checkpoint, updated_at) VALUES ('rep_1', '2026-06-01T06:00:00Z', now());
            """);

        await using var store = await Stores.StartAsync(database.ConnectionString, "a");
        await using var other = await Stores.StartAsync(database.ConnectionString, "b");

        var checkpoint = await other.GetReportCheckpointAsync("rep_1", default);
        Assert.That((checkpoint!.At, checkpoint.Schedule, checkpoint.ScheduleSeenAt), Is.EqualTo((new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero), (string?)null, (DateTimeOffset?)null)));
        Assert.That(await Stores.ScalarAsync<string>(database.ConnectionString, "SELECT string_agg(version::text, ',' ORDER BY version) FROM helodata_collector.schema_version"), Is.EqualTo("1,2"));
    }

    [Test]
    public async Task A_schema_newer_than_the_package_fails_the_start_naming_both_versions()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        (await Stores.StartAsync(database.ConnectionString, "a")).Dispose();
        var newer = CollectorSchema.LatestVersion + 1;
        await Stores.ExecuteAsync(database.ConnectionString, $"INSERT INTO helodata_collector.schema_version VALUES ({newer}, now())");
        await using var store = Stores.Create(database.ConnectionString, "a");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => store.StartAsync(default));

        Assert.That(failure!.Message, Does.Contain($"version {newer}").And.Contain($"({CollectorSchema.LatestVersion})"));
    }

    [Test]
    public async Task A_store_keeps_to_its_own_schema()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var tenant = await Stores.StartAsync(database.ConnectionString, "a", schema: "tenant_2");
        await using var other = await Stores.StartAsync(database.ConnectionString, "b");
        await tenant.TryClaimAsync(new RunRecord { RunId = "run_1", ReportId = "rep_1", From = new(2026, 5, 1), To = new(2026, 5, 1) }, TimeSpan.FromHours(1), default);

        Assert.That((await other.TryClaimAsync(new RunRecord { RunId = "run_1", ReportId = "rep_1", From = new(2026, 5, 1), To = new(2026, 5, 1) }, TimeSpan.FromHours(1), default)).Status, Is.EqualTo(RunClaimStatus.Claimed));
        Assert.That(await Stores.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM tenant_2.runs"), Is.EqualTo(1));
        Assert.That(tenant.Schema, Is.EqualTo("tenant_2"));
    }

    [Test]
    public async Task A_second_live_store_under_one_instance_name_fails_to_start_and_leaves_the_first_ones_claims()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var run = new RunRecord { RunId = "run_1", ReportId = "rep_1", From = new(2026, 5, 1), To = new(2026, 5, 1) };
        var first = await Stores.StartAsync(database.ConnectionString, "a");
        await first.TryClaimAsync(run, TimeSpan.FromHours(1), default);
        await using var second = Stores.Create(database.ConnectionString, "a");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync(default));

        Assert.That(failure!.Message, Does.Contain("'a'").And.Contain("ReportsCollectorOptions.InstanceName"));
        Assert.That(await first.RenewAsync(run.RunId, TimeSpan.FromHours(1), default), Is.True, "the first store's claim is still its own");
        await first.DisposeAsync();

        await using var restarted = await Stores.StartAsync(database.ConnectionString, "a");
        Assert.That((await restarted.TryClaimAsync(run, TimeSpan.FromHours(1), default)).Status, Is.EqualTo(RunClaimStatus.Claimed), "released by the start once the first life is gone");
    }

    [Test]
    public async Task A_store_whose_instance_session_is_lost_renews_no_claim()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var run = new RunRecord { RunId = "run_1", ReportId = "rep_1", From = new(2026, 5, 1), To = new(2026, 5, 1) };
        await using var store = await Stores.StartAsync(database.ConnectionString, "a");
        await store.TryClaimAsync(run, TimeSpan.FromHours(1), default);

        await Stores.ExecuteAsync(database.ConnectionString, "SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()");

        Assert.That(await store.RenewAsync(run.RunId, TimeSpan.FromHours(1), default), Is.False, "another process of the name may now start and release it");
    }

    [Test]
    public async Task One_instance_name_in_two_schemas_is_two_instances()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var first = await Stores.StartAsync(database.ConnectionString, "a");

        await using var second = await Stores.StartAsync(database.ConnectionString, "a", schema: "tenant_2");

        Assert.That(second.Schema, Is.EqualTo("tenant_2"));
    }

    [Test]
    public async Task A_first_start_works_in_a_schema_made_in_advance_by_a_user_who_may_not_create_schemas()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var role = "h20_collector_" + Guid.NewGuid().ToString("N")[..12];
        await Stores.ExecuteAsync(database.ConnectionString, $"CREATE ROLE {role} LOGIN; REVOKE ALL ON DATABASE \"{database.Name}\" FROM PUBLIC; GRANT CONNECT ON DATABASE \"{database.Name}\" TO {role}; CREATE SCHEMA helodata_collector; GRANT USAGE, CREATE ON SCHEMA helodata_collector TO {role}");
        try
        {
            var asRole = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Pooling = false }.ConnectionString;
            await using (var store = await Stores.StartAsync(asRole, "a"))
            {
                await store.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = DateTimeOffset.UnixEpoch }, default);
            }

            Assert.That(await Stores.ScalarAsync<int>(database.ConnectionString, "SELECT max(version) FROM helodata_collector.schema_version"), Is.EqualTo(CollectorSchema.LatestVersion));
        }
        finally
        {
            await Stores.ExecuteAsync(database.ConnectionString, $"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Test]
    public async Task A_database_that_does_not_exist_fails_the_start_naming_it_without_the_password()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = database.Name + "_missing", Password = Password }.ConnectionString;
        await using var store = Stores.Create(missing, "a");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => store.StartAsync(default));

        Assert.That(failure!.Message, Does.Contain($"/{database.Name}_missing").And.Contain("3D000"));
        Assert.That(failure.ToString(), Does.Not.Contain(Password), "message, inner exceptions and stack");
    }
}

/// <summary>Starting against no server at all: no PostgreSQL needed, so not in that category (which .ci/run counts to prove a server was used).</summary>
public sealed class StartWithoutServerTests
{
    private const string Password = "s3cret-Pa55word";

    [Test]
    public async Task An_unreachable_database_fails_the_start_with_a_message_naming_it_without_the_password()
    {
        var port = ClosedPort.Find();
        await using var store = Stores.Create($"Host=127.0.0.1;Port={port};Database=collector;Username=helo;Password={Password};Timeout=5", "a");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => store.StartAsync(default));

        Assert.That(failure!.Message, Does.StartWith($"The collector's PostgreSQL state store cannot start on 127.0.0.1:{port}/collector as helo (schema helodata_collector)"));
        Assert.That(failure.InnerException, Is.InstanceOf<NpgsqlException>().With.Property(nameof(NpgsqlException.IsTransient)).True);
        Assert.That(failure.ToString(), Does.Not.Contain(Password), "message, inner exceptions and stack");
        Assert.That(store.ToString(), Does.Not.Contain(Password).And.Contain($"127.0.0.1:{port}/collector"));
    }

    [Test]
    public async Task A_call_that_reaches_no_database_throws_a_transient_NpgsqlException_without_the_password()
    {
        await using var store = Stores.Create($"Host=127.0.0.1;Port={ClosedPort.Find()};Password={Password};Timeout=5", "a");

        var failure = await Assert.ThrowsAsync<NpgsqlException>(() => store.TryClaimAsync(new RunRecord { RunId = "run_1", ReportId = "rep_1", From = new(2026, 5, 1), To = new(2026, 5, 1) }, TimeSpan.FromMinutes(1), default));

        Assert.That(failure!.IsTransient, Is.True, "the collector tries the run again at its next pass");
        Assert.That(failure.ToString(), Does.Not.Contain(Password));
    }

    [TestCase("Helo")]
    [TestCase("1st")]
    [TestCase("a-b")]
    [TestCase("")]
    [TestCase("x\"; DROP TABLE runs; --")]
    public void A_schema_name_that_is_not_a_plain_lower_case_name_is_refused(string schema)
    {
        var failure = Assert.Throws<ArgumentException>(() => Stores.Create("Host=127.0.0.1", "a", schema: schema));

        Assert.That(failure!.ParamName, Is.EqualTo("schema"));
    }
}
