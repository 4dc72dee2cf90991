namespace HeloData.Reports.Collector.Tests.State;

// The checkpoint with the schedule it was judged by, and the runs a door claimed but did not collect.
public abstract partial class CollectorStateStoreContract
{
    [Test]
    public async Task A_checkpoint_keeps_its_schedule_and_only_a_later_one_or_one_as_late_but_seen_later_replaces_it()
    {
        var a = await StartAsync("a");
        var b = await StartAsync("b");
        var noon = Time.GetUtcNow();
        var daily = Checkpoint(noon, "0 6 * * *", noon.AddHours(1));
        Assert.That(await a.GetReportCheckpointAsync("rep_1", default), Is.Null);

        Assert.That(await a.AdvanceCheckpointAsync("rep_1", daily, default), Is.EqualTo(daily));
        Assert.That(await b.AdvanceCheckpointAsync("rep_1", Checkpoint(noon.AddHours(-1), "0 7 * * *", noon.AddHours(9)), default), Is.EqualTo(daily), "an earlier one: never back");
        Assert.That(await b.AdvanceCheckpointAsync("rep_1", Checkpoint(noon, "0 7 * * *", noon.AddMinutes(30)), default), Is.EqualTo(daily), "as late, seen earlier (an instance that listed the report before the PATCH)");

        var seenLater = Checkpoint(noon, "0 7 * * *", noon.AddHours(2));
        Assert.That(await b.AdvanceCheckpointAsync("rep_1", seenLater, default), Is.EqualTo(seenLater), "as late, seen later");
        var later = Checkpoint(noon.AddDays(1), "0 8 * * *", noon.AddDays(1));
        Assert.That(await a.AdvanceCheckpointAsync("rep_1", later, default), Is.EqualTo(later));
        Assert.That(await b.GetReportCheckpointAsync("rep_1", default), Is.EqualTo(later), "every instance reads it");
        Assert.That(await a.GetReportCheckpointAsync("rep_2", default), Is.Null);
    }

    [Test]
    public async Task A_checkpoint_schedule_without_the_time_it_was_seen_or_the_other_way_round_is_refused()
    {
        var a = await StartAsync("a");
        var noon = Time.GetUtcNow();

        var noTime = await Assert.ThrowsAsync<ArgumentException>(() => a.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = noon, Schedule = "0 6 * * *" }, default));
        var noSchedule = await Assert.ThrowsAsync<ArgumentException>(() => a.AdvanceCheckpointAsync("rep_1", new ReportCheckpoint { At = noon, ScheduleSeenAt = noon }, default));

        Assert.That(noTime!.Message, Does.Contain("both"));
        Assert.That(noSchedule!.Message, Does.Contain("both"));
        Assert.That(await a.GetReportCheckpointAsync("rep_1", default), Is.Null);
    }

    [Test]
    public async Task The_runs_a_door_claimed_and_did_not_collect_are_listed_until_collected_or_failed_whatever_their_claim()
    {
        var a = await StartAsync("a");
        var may2 = new DateOnly(2026, 5, 2);
        var may3 = new DateOnly(2026, 5, 3);
        await a.TryClaimAsync(new RunRecord { RunId = "run_live", ReportId = "rep_1", From = may2, To = may2 }, TimeSpan.FromMinutes(1), default);
        await a.TryClaimAsync(new RunRecord { RunId = "run_released", ReportId = "rep_1", From = may3, To = may3 }, TimeSpan.FromMinutes(1), default);
        await a.ReleaseAsync("run_released", default);
        await a.TryClaimAsync(new RunRecord { RunId = "run_lapsing", ReportId = "rep_1", From = may3, To = may3 }, TimeSpan.FromSeconds(1), default);
        await a.TryClaimAsync(new RunRecord { RunId = "run_collected", ReportId = "rep_1", From = may2, To = may2 }, TimeSpan.FromMinutes(1), default);
        await a.CompleteAsync("run_collected", default);
        await a.TryClaimAsync(new RunRecord { RunId = "run_failed", ReportId = "rep_1", From = may2, To = may2 }, TimeSpan.FromMinutes(1), default);
        await a.RecordFailedRunAsync(new RunRecord { RunId = "run_failed", ReportId = "rep_1", From = may2, To = may2 }, default);
        await a.RecordFailedRunAsync(new RunRecord { RunId = "run_failed_unclaimed", ReportId = "rep_1", From = may3, To = may3 }, default);
        await a.TryClaimAsync(new RunRecord { RunId = "run_old", ReportId = "rep_1", From = new(2026, 4, 1), To = new(2026, 4, 30) }, TimeSpan.FromMinutes(1), default);
        await a.TryClaimAsync(new RunRecord { RunId = "run_other_report", ReportId = "rep_2", From = may2, To = may2 }, TimeSpan.FromMinutes(1), default);
        Time.Advance(TimeSpan.FromSeconds(2));

        var listed = await (await StartAsync("b")).GetUncollectedRunsAsync("rep_1", may2, default);

        Assert.That(listed.OrderBy(run => run.RunId), Is.EqualTo(new[]
        {
            new RunRecord { RunId = "run_lapsing", ReportId = "rep_1", From = may3, To = may3 },
            new RunRecord { RunId = "run_live", ReportId = "rep_1", From = may2, To = may2 },
            new RunRecord { RunId = "run_released", ReportId = "rep_1", From = may3, To = may3 },
        }));
    }

    private static ReportCheckpoint Checkpoint(DateTimeOffset at, string schedule, DateTimeOffset seenAt) =>
        new() { At = at, Schedule = schedule, ScheduleSeenAt = seenAt };
}
