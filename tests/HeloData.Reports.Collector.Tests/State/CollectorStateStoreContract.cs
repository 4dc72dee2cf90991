using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Collector.Tests.State;

/// <summary>
/// What every <see cref="ICollectorStateStore"/> does, as its documentation says: one suite, subclassed for each
/// store. Each test gets a fresh database (<see cref="CreateDatabaseAsync"/>); every store a test creates
/// (<see cref="CreateStore"/>) works on that database, so two stores are two instances sharing it, and a store
/// created under a name an earlier store used is that instance's next life.
/// </summary>
public abstract partial class CollectorStateStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly DateOnly May1 = new(2026, 5, 1);
    private readonly List<ICollectorStateStore> _stores = [];

    /// <summary>The clock every store of the test reads.</summary>
    protected FakeTimeProvider Time { get; private set; } = null!;

    [SetUp]
    public async Task SetUpDatabase()
    {
        Time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T12:00:00Z", CultureInfo.InvariantCulture));
        await CreateDatabaseAsync();
    }

    [TearDown]
    public async Task TearDownDatabase()
    {
        foreach (var store in _stores)
        {
            await StopAsync(store);
        }

        _stores.Clear();
        await DropDatabaseAsync();
    }

    [Test]
    public async Task A_first_claim_is_attempt_1_with_nothing_before_it()
    {
        var store = await StartAsync("a");

        var claim = await store.TryClaimAsync(Run("run_1"), Lease, default);

        Assert.That((claim.Status, claim.Attempt, claim.MayHaveBeenHandled, claim.FinishedHandlers.Count), Is.EqualTo((RunClaimStatus.Claimed, 1, false, 0)));
    }

    [Test]
    public async Task A_live_claim_keeps_the_run_from_every_other_claim_even_the_same_stores()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress), "another instance");
        Assert.That((await a.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress), "a second task of the holder's process");
    }

    [Test]
    public async Task Owners_contending_for_one_run_at_once_give_it_to_one()
    {
        var stores = new[] { await StartAsync("a"), await StartAsync("b") };

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => stores[i % 2].TryClaimAsync(Run("run_1"), Lease, default))));

        Assert.That(claims.Count(claim => claim.Status == RunClaimStatus.Claimed), Is.EqualTo(1));
        Assert.That(claims.Where(claim => claim.Status != RunClaimStatus.Claimed).Select(claim => claim.Status), Is.All.EqualTo(RunClaimStatus.InProgress));
    }

    [Test]
    public async Task A_completed_run_is_collected_for_good()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Assert.That(await a.CompleteAsync("run_1", default), Is.True);
        Assert.That(await a.CompleteAsync("run_1", default), Is.False, "completing a collected run records nothing more");
        Time.Advance(TimeSpan.FromDays(400));
        await a.ReleaseAsync("run_1", default);

        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.AlreadyCollected));
        Assert.That((await a.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.AlreadyCollected), "a release never undoes a completion");
        Assert.That(await a.RenewAsync("run_1", Lease, default), Is.False, "a collected run has no claim to renew");
        Assert.That(await a.RecordHandlerFinishedAsync("run_1", "late", default), Is.False);
    }

    [Test]
    public async Task A_renewed_claim_holds_past_its_first_lease_and_lapses_a_lease_after_its_last_renewal()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Time.Advance(TimeSpan.FromSeconds(50));
        Assert.That(await a.RenewAsync("run_1", Lease, default), Is.True);
        Time.Advance(TimeSpan.FromSeconds(50));

        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress));
        Time.Advance(TimeSpan.FromSeconds(11));
        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed));
    }

    [Test]
    public async Task Only_the_holder_renews_or_records_a_handler_and_a_run_never_claimed_has_no_holder()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);

        Assert.That(await b.RenewAsync("run_1", Lease, default), Is.False);
        Assert.That(await b.RecordHandlerFinishedAsync("run_1", "handler", default), Is.False);
        Assert.That(await a.RenewAsync("run_unknown", Lease, default), Is.False);
        Assert.That(await a.RecordHandlerFinishedAsync("run_unknown", "handler", default), Is.False);
        Time.Advance(Lease * 3);
        await a.ReleaseAsync("run_1", default);
        var next = await b.TryClaimAsync(Run("run_1"), Lease, default);
        Assert.That((next.Attempt, next.FinishedHandlers.Count), Is.EqualTo((2, 0)), "b recorded nothing");
    }

    [Test]
    public async Task A_lapsed_claim_is_taken_over_as_the_next_attempt_that_may_have_been_handled_and_keeps_the_finished_handlers()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Assert.That(await a.RecordHandlerFinishedAsync("run_1", "first", default), Is.True);
        Time.Advance(Lease + TimeSpan.FromSeconds(1));

        var taken = await b.TryClaimAsync(Run("run_1"), Lease, default);

        Assert.That((taken.Status, taken.Attempt, taken.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 2, true)));
        Assert.That(taken.FinishedHandlers, Is.EquivalentTo(new[] { "first" }));
        Assert.That(await a.RenewAsync("run_1", Lease, default), Is.False, "the claim is b's now");
        Assert.That(await a.RecordHandlerFinishedAsync("run_1", "second", default), Is.False, "nothing is recorded for a claim lost");
        await a.ReleaseAsync("run_1", default);
        var c = await StartAsync("c");
        Assert.That((await c.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress), "a's release left b's claim alone");
    }

    [Test]
    public async Task A_lapsed_claim_nobody_took_over_is_still_its_holders()
    {
        var a = await StartAsync("a");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Time.Advance(Lease * 2);

        Assert.That(await a.RecordHandlerFinishedAsync("run_1", "slow", default), Is.True);
        Assert.That(await a.RenewAsync("run_1", Lease, default), Is.True);
        Assert.That((await (await StartAsync("b")).TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress));
    }

    [Test]
    public async Task Only_the_claims_holder_completes_a_run_and_a_holder_whose_claim_was_taken_over_records_nothing()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Time.Advance(Lease * 2);
        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed));

        Assert.That(await a.CompleteAsync("run_1", default), Is.False, "a's claim was taken over: b's handlers may be running");
        Assert.That(await b.FindSettledAsync(["run_1"], default), Is.Empty);
        Assert.That(await b.RenewAsync("run_1", Lease, default), Is.True, "the run is still b's");
        Assert.That(await b.CompleteAsync("run_1", default), Is.True);
        Assert.That(await b.FindSettledAsync(["run_1"], default), Is.EquivalentTo(new[] { "run_1" }));
    }

    [Test]
    public async Task Completing_a_run_never_claimed_or_released_records_nothing_and_a_lapsed_claim_nobody_took_over_completes()
    {
        var a = await StartAsync("a");
        Assert.That(await a.CompleteAsync("run_never_claimed", default), Is.False);
        await a.TryClaimAsync(Run("run_released"), Lease, default);
        await a.ReleaseAsync("run_released", default);
        Assert.That(await a.CompleteAsync("run_released", default), Is.False);
        await a.TryClaimAsync(Run("run_lapsed"), Lease, default);
        Time.Advance(Lease * 2);

        Assert.That(await a.CompleteAsync("run_lapsed", default), Is.True);
        Assert.That(await a.FindSettledAsync(["run_never_claimed", "run_released", "run_lapsed"], default), Is.EquivalentTo(new[] { "run_lapsed" }));
        var claim = await (await StartAsync("b")).TryClaimAsync(Run("run_never_claimed"), Lease, default);
        Assert.That((claim.Status, claim.Attempt, claim.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 1, false)), "as if never completed");
    }

    [Test]
    public async Task A_lease_holds_until_just_before_its_end_and_has_lapsed_at_its_end_for_runs_and_backfills()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        await a.RecordGapAsync(Gap("rep_1", May1.AddDays(3)), default);
        await a.TryClaimBackfillAsync("rep_1", May1.AddDays(3), May1.AddDays(3), Lease, default);
        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));

        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress));
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1.AddDays(3), May1.AddDays(3), Lease, default), Is.False);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1.AddDays(3), May1.AddDays(3), Lease, default), Is.True);
        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed));
    }

    [Test]
    public async Task Leases_are_judged_on_the_clock_read_to_the_millisecond()
    {
        Time.Advance(TimeSpan.FromTicks(6_000)); // 0.6 ms past a whole millisecond
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Time.Advance(Lease - TimeSpan.FromTicks(2_000));

        Assert.That((await b.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed), "taken at 12:00:00.000 (the clock's millisecond), the lease ended at 12:01:00.000");
    }

    [Test]
    public async Task A_run_recorded_as_failed_while_claimed_keeps_its_claim_until_completed()
    {
        var a = await StartAsync("a");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        Assert.That(await a.RecordFailedRunAsync(Run("run_1"), default), Is.True);

        Assert.That((await (await StartAsync("b")).TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress));
        Assert.That(await a.CompleteAsync("run_1", default), Is.True);
        Assert.That(await a.RecordFailedRunAsync(Run("run_1"), default), Is.False, "once");
        Assert.That((await a.TryClaimAsync(Run("run_1"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.AlreadyCollected));
    }

    [Test]
    public async Task A_released_run_is_offered_again_at_once_as_the_next_attempt_known_not_handled_with_its_finished_handlers()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        await a.RecordHandlerFinishedAsync("run_1", "first", default);
        await a.ReleaseAsync("run_1", default);

        var next = await b.TryClaimAsync(Run("run_1"), Lease, default);

        Assert.That((next.Status, next.Attempt, next.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 2, false)));
        Assert.That(next.FinishedHandlers, Is.EquivalentTo(new[] { "first" }));
        await a.ReleaseAsync("run_1", default);
        await a.ReleaseAsync("run_never_claimed", default);
        Assert.That(await b.RenewAsync("run_1", Lease, default), Is.True, "a release by another owner leaves the claim as it is");
    }

    [Test]
    public async Task Finished_handlers_are_recorded_once_each_and_survive_every_later_claim()
    {
        var a = await StartAsync("a");
        await a.TryClaimAsync(Run("run_1"), Lease, default);
        await a.RecordHandlerFinishedAsync("run_1", "first", default);
        await a.RecordHandlerFinishedAsync("run_1", "first", default);
        Time.Advance(Lease * 2);
        var b = await StartAsync("b");
        await b.TryClaimAsync(Run("run_1"), Lease, default);
        await b.RecordHandlerFinishedAsync("run_1", "second", default);
        await b.ReleaseAsync("run_1", default);

        var third = await a.TryClaimAsync(Run("run_1"), Lease, default);

        Assert.That(third.FinishedHandlers, Is.EquivalentTo(new[] { "first", "second" }));
        Assert.That((third.Attempt, third.MayHaveBeenHandled), Is.EqualTo((3, true)), "the takeover's unknown outcome is not forgotten by a later release");
    }

    [Test]
    public async Task A_restart_releases_its_earlier_lifes_claims_at_once_and_leaves_other_instances_claims()
    {
        var first = await StartAsync("a");
        var other = await StartAsync("b");
        await first.TryClaimAsync(Run("run_1"), TimeSpan.FromHours(1), default);
        await first.RecordHandlerFinishedAsync("run_1", "first", default);
        await first.TryClaimAsync(Run("run_2"), TimeSpan.FromHours(1), default);
        await first.CompleteAsync("run_2", default);
        await other.TryClaimAsync(Run("run_3"), TimeSpan.FromHours(1), default);
        Assert.That(await first.TryClaimBackfillAsync("rep_1", May1, May1, TimeSpan.FromHours(1), default), Is.False, "no gap yet");
        await first.RecordGapAsync(Gap("rep_1", May1), default);
        Assert.That(await first.TryClaimBackfillAsync("rep_1", May1, May1, TimeSpan.FromHours(1), default), Is.True);
        await StopAsync(first);

        var restarted = await StartAsync("a");
        var taken = await other.TryClaimAsync(Run("run_1"), Lease, default);

        Assert.That((taken.Status, taken.Attempt, taken.MayHaveBeenHandled), Is.EqualTo((RunClaimStatus.Claimed, 2, true)), "released by the restart, not after the hour's lease");
        Assert.That(taken.FinishedHandlers, Is.EquivalentTo(new[] { "first" }));
        Assert.That((await restarted.TryClaimAsync(Run("run_2"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.AlreadyCollected));
        Assert.That((await restarted.TryClaimAsync(Run("run_3"), Lease, default)).Status, Is.EqualTo(RunClaimStatus.InProgress), "b's claim is b's");
        Assert.That(await other.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True, "the backfill claim was released too");
    }

    [Test]
    public async Task Collected_and_failed_runs_are_settled_and_claimed_released_or_unknown_ones_are_not()
    {
        var a = await StartAsync("a");
        await a.TryClaimAsync(Run("run_collected"), Lease, default);
        await a.CompleteAsync("run_collected", default);
        await a.TryClaimAsync(Run("run_claimed"), Lease, default);
        await a.TryClaimAsync(Run("run_released"), Lease, default);
        await a.ReleaseAsync("run_released", default);
        Assert.That(await a.RecordFailedRunAsync(Run("run_failed"), default), Is.True);
        Assert.That(await a.RecordFailedRunAsync(Run("run_failed"), default), Is.False, "once");

        var settled = await (await StartAsync("b")).FindSettledAsync(["run_collected", "run_claimed", "run_released", "run_failed", "run_unknown"], default);

        Assert.That(settled, Is.EquivalentTo(new[] { "run_collected", "run_failed" }));
        Assert.That(await a.FindSettledAsync([], default), Is.Empty);
    }

    [Test]
    public async Task Settled_runs_are_found_among_a_long_list_of_ids()
    {
        var a = await StartAsync("a");
        var ids = Enumerable.Range(0, 1500).Select(i => $"run_{i:0000}").ToList();
        foreach (var id in ids.Where((_, i) => i % 300 == 299))
        {
            await Claimed(a, Run(id), complete: true);
        }

        var settled = await a.FindSettledAsync(ids, default);

        Assert.That(settled, Is.EquivalentTo(new[] { "run_0299", "run_0599", "run_0899", "run_1199", "run_1499" }));
    }

    [Test]
    public async Task Covered_windows_are_those_of_runs_collected_ending_on_or_after_since_and_a_live_claim_covers_nothing()
    {
        var a = await StartAsync("a");
        await Claimed(a, Run("run_collected", "rep_1", May1, May1.AddDays(6)), complete: true);
        await Claimed(a, Run("run_collected_twice", "rep_1", May1, May1.AddDays(6)), complete: true);
        await Claimed(a, Run("run_claimed", "rep_1", May1.AddDays(7), May1.AddDays(7)), complete: false);
        await Claimed(a, Run("run_old", "rep_1", May1.AddDays(-10), May1.AddDays(-1)), complete: true);
        await Claimed(a, Run("run_other_report", "rep_2", May1.AddDays(8), May1.AddDays(8)), complete: true);
        await a.TryClaimAsync(Run("run_released", "rep_1", May1.AddDays(9), May1.AddDays(9)), Lease, default);
        await a.ReleaseAsync("run_released", default);
        await a.RecordFailedRunAsync(Run("run_failed", "rep_1", May1.AddDays(10), May1.AddDays(10)), default);

        var covered = await a.GetCoveredWindowsAsync("rep_1", May1.AddDays(6), default);

        // A claimed run may still fail to be collected: were its window covered, the gap finder would move the
        // checkpoint past it and, once the run leaves recent_runs, never judge it again.
        Assert.That(covered, Is.EquivalentTo(new[] { (May1, May1.AddDays(6)) }), "a live claim covers nothing");
        Assert.That(await (await StartAsync("b")).GetCoveredWindowsAsync("rep_1", May1, default), Is.EquivalentTo(new[] { (May1, May1.AddDays(6)) }), "nor another instance's");
        Assert.That(await a.CompleteAsync("run_claimed", default), Is.True);
        Assert.That(await a.GetCoveredWindowsAsync("rep_1", May1, default), Is.EquivalentTo(new[] { (May1, May1.AddDays(6)), (May1.AddDays(7), May1.AddDays(7)) }), "collected, it is covered");
    }

    [Test]
    public async Task A_checkpoint_only_moves_forward_per_report_for_every_instance()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        var noon = Time.GetUtcNow();
        Assert.That(await a.GetReportCheckpointAsync("rep_1", default), Is.Null);

        Assert.That((await a.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = noon }, default)).At, Is.EqualTo(noon));
        Assert.That((await b.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = noon.AddHours(-1) }, default)).At, Is.EqualTo(noon), "never back");
        Assert.That((await b.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = noon.AddDays(1).ToOffset(TimeSpan.FromHours(2)) }, default)).At, Is.EqualTo(noon.AddDays(1)));

        Assert.That((await a.GetReportCheckpointAsync("rep_1", default))?.At, Is.EqualTo(noon.AddDays(1)));
        Assert.That(await a.GetReportCheckpointAsync("rep_2", default), Is.Null);
    }

    [Test]
    public async Task A_gap_is_recorded_once_per_report_and_window_and_listed_oldest_occurrence_first()
    {
        var a = await StartAsync("a");
        var late = Gap("rep_1", May1.AddDays(2)) with { FailedRunId = "run_failed" };
        Assert.That(await a.RecordGapAsync(late, default), Is.True);
        Assert.That(await a.RecordGapAsync(Gap("rep_2", May1), default), Is.True);
        Assert.That(await a.RecordGapAsync(Gap("rep_1", May1), default), Is.True);
        Assert.That(await (await StartAsync("b")).RecordGapAsync(late with { DueAt = late.DueAt.AddHours(1), FailedRunId = null }, default), Is.False, "once");

        var gaps = await a.GetGapsAsync(default);

        Assert.That(gaps.Select(gap => (gap.ReportId, gap.From)), Is.EqualTo(new[] { ("rep_1", May1), ("rep_2", May1), ("rep_1", May1.AddDays(2)) }));
        Assert.That(gaps[^1], Is.EqualTo(late), "recorded as given, the first time");
    }

    [Test]
    public async Task A_backfill_is_claimed_by_one_owner_until_its_lease_lapses_and_by_none_once_its_run_is_recorded()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.RecordGapAsync(Gap("rep_1", May1), default);

        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True);
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.False);
        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "not twice while the lease holds");
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True, "the requester died before recording a run");
        await b.RecordBackfillAsync("rep_1", May1, May1, "run_backfill", default);
        Time.Advance(Lease * 5);

        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.False);
        Assert.That((await a.GetGapsAsync(default)).Single(), Is.EqualTo(Gap("rep_1", May1) with { Status = ReportGapStatus.BackfillRequested, BackfillRunId = "run_backfill" }));
    }

    [Test]
    public async Task A_backfill_claim_renewed_by_its_owner_outlives_its_lease_and_is_renewed_by_nobody_else()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.RecordGapAsync(Gap("rep_1", May1), default);
        await a.RecordGapAsync(Gap("rep_1", May1.AddDays(1)), default);
        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True);

        for (var beat = 0; beat < 4; beat++)
        {
            Time.Advance(Lease / 2);
            Assert.That(await a.RenewBackfillAsync("rep_1", May1, May1, Lease, default), Is.True);
        }

        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "twice its lease on, still held");
        Assert.That(await b.RenewBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "not b's claim");
        Assert.That(await a.RenewBackfillAsync("rep_1", May1.AddDays(1), May1.AddDays(1), Lease, default), Is.False, "a gap never claimed");

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True, "lapsed once renewals stopped");
        Assert.That(await a.RenewBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "taken over: a's claim is gone");
        await b.RecordBackfillAsync("rep_1", May1, May1, "run_backfill", default);
        Assert.That(await b.RenewBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "a run was recorded: nothing left to claim");
    }

    [Test]
    public async Task A_backfill_claim_released_by_its_owner_is_free_at_once_and_nobody_else_releases_it()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        await a.RecordGapAsync(Gap("rep_1", May1), default);
        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True);

        await b.ReleaseBackfillAsync("rep_1", May1, May1, default);
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "not b's claim to release");
        await a.ReleaseBackfillAsync("rep_1", May1, May1, default);
        Assert.That(await b.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.True, "free before its lease ends");
        Assert.That(await a.RenewBackfillAsync("rep_1", May1, May1, Lease, default), Is.False, "a gave it up");

        await b.RecordBackfillAsync("rep_1", May1, May1, "run_backfill", default);
        await b.ReleaseBackfillAsync("rep_1", May1, May1, default);
        Assert.That((await a.GetGapsAsync(default)).Single().BackfillRunId, Is.EqualTo("run_backfill"), "a recorded run is kept");
    }

    [Test]
    public async Task A_settled_gap_takes_no_backfill_and_a_filled_window_stays_filled()
    {
        var a = await StartAsync("a");
        await a.RecordGapAsync(Gap("rep_1", May1), default);
        await a.RecordGapAsync(Gap("rep_1", May1.AddDays(1)), default);
        await a.SettleGapAsync("rep_1", May1, May1, ReportGapStatus.Filled, default);
        await a.SettleGapAsync("rep_1", May1.AddDays(1), May1.AddDays(1), ReportGapStatus.Failed, default);
        await a.SettleGapAsync("rep_1", May1, May1, ReportGapStatus.Failed, default);
        await a.SettleGapAsync("rep_1", May1.AddDays(5), May1.AddDays(5), ReportGapStatus.Filled, default);

        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1, May1, Lease, default), Is.False);
        Assert.That(await a.TryClaimBackfillAsync("rep_1", May1.AddDays(1), May1.AddDays(1), Lease, default), Is.False);
        Assert.That((await a.GetGapsAsync(default)).Select(gap => gap.Status), Is.EqualTo(new[] { ReportGapStatus.Filled, ReportGapStatus.Failed }), "settling a window with no gap records none");
    }

    [Test]
    public async Task Open_gaps_are_those_missing_or_backfill_requested_oldest_first_for_every_instance()
    {
        var a = await StartAsync("a");
        foreach (var day in new[] { 4, 3, 2, 1, 0 })
        {
            await a.RecordGapAsync(Gap("rep_1", May1.AddDays(day)), default);
        }

        await a.SettleGapAsync("rep_1", May1, May1, ReportGapStatus.Filled, default);
        await a.SettleGapAsync("rep_1", May1.AddDays(1), May1.AddDays(1), ReportGapStatus.Failed, default);
        await a.RecordBackfillAsync("rep_1", May1.AddDays(3), May1.AddDays(3), "run_backfill", default);

        var open = await (await StartAsync("b")).GetOpenGapsAsync(default);

        Assert.That(open.Select(gap => (gap.From, gap.Status)), Is.EqualTo(new[]
        {
            (May1.AddDays(2), ReportGapStatus.Missing),
            (May1.AddDays(3), ReportGapStatus.BackfillRequested),
            (May1.AddDays(4), ReportGapStatus.Missing),
        }));
        Assert.That(await a.GetGapsAsync(default), Has.Count.EqualTo(5), "settled gaps stay listed");
    }

    [Test]
    public async Task Recording_a_backfill_on_a_settled_gap_leaves_it_settled()
    {
        var a = await StartAsync("a");
        await a.RecordGapAsync(Gap("rep_1", May1), default);
        await a.RecordGapAsync(Gap("rep_1", May1.AddDays(1)), default);
        await a.RecordBackfillAsync("rep_1", May1, May1, "run_first", default);
        await a.SettleGapAsync("rep_1", May1, May1, ReportGapStatus.Filled, default);
        await a.SettleGapAsync("rep_1", May1.AddDays(1), May1.AddDays(1), ReportGapStatus.Failed, default);

        await a.RecordBackfillAsync("rep_1", May1, May1, "run_late", default);
        await a.RecordBackfillAsync("rep_1", May1.AddDays(1), May1.AddDays(1), "run_late", default);

        Assert.That(await a.GetGapsAsync(default), Is.EqualTo(new[]
        {
            Gap("rep_1", May1) with { Status = ReportGapStatus.Filled, BackfillRunId = "run_first" },
            Gap("rep_1", May1.AddDays(1)) with { Status = ReportGapStatus.Failed },
        }));
    }

    [Test]
    public async Task Checkpoints_and_due_times_are_kept_in_utc_to_the_millisecond()
    {
        var a = await StartAsync("a");
        var fine = new DateTimeOffset(2026, 5, 2, 11, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var kept = new DateTimeOffset(2026, 5, 2, 9, 30, 0, TimeSpan.Zero).AddMilliseconds(123);

        Assert.That((await a.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = fine, Schedule = "0 6 * * *", ScheduleSeenAt = fine }, default)).ScheduleSeenAt!.Value.EqualsExact(kept), Is.True);
        Assert.That((await a.GetReportCheckpointAsync("rep_1", default))!.At.EqualsExact(kept), Is.True);
        Assert.That((await a.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = fine.AddTicks(-1) }, default)).At.EqualsExact(kept), Is.True, "within the same millisecond");
        await a.RecordGapAsync(Gap("rep_1", May1) with { DueAt = fine }, default);
        Assert.That((await a.GetGapsAsync(default)).Single().DueAt.EqualsExact(kept), Is.True);
    }

    [Test]
    public async Task Bad_arguments_are_refused_with_a_typed_error()
    {
        var a = await StartAsync("a");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => a.TryClaimAsync(Run("run_1"), TimeSpan.Zero, default));
        await Assert.ThrowsAsync<ArgumentException>(() => a.TryClaimAsync(Run(string.Empty), Lease, default));
        await Assert.ThrowsAsync<ArgumentException>(() => a.TryClaimAsync(Run("run_1", "rep_1", May1, May1.AddDays(-1)), Lease, default));
        await Assert.ThrowsAsync<ArgumentException>(() => a.RecordGapAsync(Gap("rep_1", May1) with { Status = ReportGapStatus.Filled }, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => a.SettleGapAsync("rep_1", May1, May1, ReportGapStatus.Missing, default));
        await Assert.ThrowsAsync<ArgumentException>(() => a.RecordHandlerFinishedAsync("run_1", string.Empty, default));
    }

    /// <summary>Makes a fresh, empty database for the test about to run.</summary>
    /// <returns>A task that completes once it exists.</returns>
    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    /// <summary>Removes the test's database, once every store on it is stopped.</summary>
    /// <returns>A task that completes once it is gone.</returns>
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>A store on this test's database, not started; disposed (when disposable) at the end of the test.</summary>
    /// <param name="instanceName">The instance it plays.</param>
    /// <param name="time">The clock of its leases.</param>
    /// <returns>The store.</returns>
    protected abstract ICollectorStateStore CreateStore(string instanceName, TimeProvider time);

    /// <summary>A started store of the test's database under <paramref name="instanceName"/>, as a new life of that instance.</summary>
    protected async Task<ICollectorStateStore> StartAsync(string instanceName)
    {
        var store = CreateStore(instanceName, Time);
        _stores.Add(store);
        await store.StartAsync(default);
        return store;
    }

    /// <summary>Stops a store as a process's end would (its claims stay as they are): disposes it when it is disposable.</summary>
    protected static async Task StopAsync(ICollectorStateStore store)
    {
        if (store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static RunRecord Run(string runId, string reportId = "rep_1", DateOnly? from = null, DateOnly? to = null) =>
        new() { RunId = runId, ReportId = reportId, From = from ?? May1, To = to ?? from ?? May1 };

    private static ReportGap Gap(string reportId, DateOnly day) =>
        new() { ReportId = reportId, From = day, To = day, DueAt = new DateTimeOffset(day.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero), Status = ReportGapStatus.Missing };

    private async Task Claimed(ICollectorStateStore store, RunRecord run, bool complete)
    {
        Assert.That((await store.TryClaimAsync(run, Lease, default)).Status, Is.EqualTo(RunClaimStatus.Claimed));
        if (complete)
        {
            await store.CompleteAsync(run.RunId, default);
        }
    }
}
