namespace HeloData.Reports.Collector;

// What the gap finder needs to judge each window with the schedule in force then, and to count a run a door claimed
// but did not collect as pending rather than missing. Default members, so a store written before them still works
// (judging less: see each).
public partial interface ICollectorStateStore
{
    /// <summary>
    /// The report's checkpoint with the schedule it was judged by. The default reads <see cref="GetCheckpointAsync"/>
    /// and knows no schedule (the gap finder then judges only from the report's <c>updated_at</c>); a store overrides it.
    /// </summary>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The checkpoint, or <see langword="null"/> before the report's first pass.</returns>
    async Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken) =>
        await GetCheckpointAsync(reportId, cancellationToken).ConfigureAwait(false) is { } at ? new ReportCheckpoint { At = at } : null;

    /// <summary>
    /// Moves the report's checkpoint to <paramref name="checkpoint"/> with its schedule: a later
    /// <see cref="ReportCheckpoint.At"/> replaces the stored checkpoint whole; an equal one replaces its schedule only
    /// when seen later; an earlier one leaves it as it is (a checkpoint never moves back). The default calls
    /// <see cref="AdvanceCheckpointAsync(string, DateTimeOffset, CancellationToken)"/> and keeps no schedule; a store overrides it.
    /// </summary>
    /// <param name="reportId">The report.</param>
    /// <param name="checkpoint">The new checkpoint; its schedule and the time it was seen are both set or both <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The checkpoint now stored.</returns>
    async Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        StoreArguments.Checkpoint(checkpoint);
        return new ReportCheckpoint { At = await AdvanceCheckpointAsync(reportId, checkpoint.At, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// The runs of <paramref name="reportId"/> the store knows (a door claimed them) that are neither collected nor
    /// recorded as failed, among those ending on or after <paramref name="since"/>: their claim may still be held, or
    /// may have lapsed or been released with nobody taking it over. The gap finder counts their windows as pending,
    /// not as gaps, and collects a lapsed one itself by its id. The default knows none; a store overrides it.
    /// </summary>
    /// <param name="reportId">The report.</param>
    /// <param name="since">The earliest last day of a window worth returning.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The runs, in no particular order.</returns>
    Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>([]);
}
