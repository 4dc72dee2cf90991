namespace HeloData.Reports.Collector;

/// <summary>
/// Where the collector (and the webhook receiver) record what they did, shared by every instance that collects
/// the same account: the runs seen, claimed and collected; the handlers that finished with each run; each
/// report's checkpoint; and the gaps found. <c>SqliteCollectorStateStore</c> is the default (one
/// instance); <c>HeloData.Reports.PostgreSql</c> gives one that several instances share.
/// </summary>
/// <remarks>
/// <para>
/// A claim belongs to one life of one instance (the store's owner: an instance name that stays the same across
/// restarts, and an id drawn for each life) and is a lease the collector renews while the run's handlers work.
/// A claim whose owner stopped renewing it is taken over once its lease ends; the claims an owner's earlier lives
/// left are released by <see cref="StartAsync"/> at once. Every call is atomic and durable when it returns.
/// </para>
/// <para>
/// A lease ending at time T holds before T and has lapsed at T. Every store reads its clock to the millisecond and
/// rounds a lease up to whole milliseconds, and keeps the times it records (checkpoints, gaps' due times) in UTC to
/// the millisecond: a finer part is dropped, by every store alike.
/// </para>
/// <para>
/// Implementations are tested by one shared suite of tests (in the collector's tests), run against each.
/// </para>
/// </remarks>
public partial interface ICollectorStateStore
{
    /// <summary>
    /// Opens the store, creates or upgrades its schema (idempotently: several instances may start at once), and
    /// releases the claims this owner's earlier lives left. Called once at start-up; a store that cannot work
    /// fails the start here, with a message naming what is wrong.
    /// </summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the store is ready.</returns>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="runIds"/> are settled: collected, or recorded as failed by the service.</summary>
    /// <param name="runIds">Run ids seen in a poll.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The settled ones; the rest are worth claiming.</returns>
    Task<IReadOnlySet<string>> FindSettledAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken);

    /// <summary>Claims a run, unless it was collected or another owner holds a claim on it whose lease has not ended.</summary>
    /// <param name="run">The run, recorded with its report and window the first time.</param>
    /// <param name="lease">How long the claim holds unless renewed, completed or released.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Whether the caller now holds the claim (which attempt, what earlier claims finished), and if not, why.</returns>
    Task<RunClaim> TryClaimAsync(RunRecord run, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the caller's claim: the heartbeat while the run's handlers work.</summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="lease">How long from now the claim holds.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="false"/> when the claim is no longer the caller's (it lapsed and was taken over, or the run was completed).</returns>
    Task<bool> RenewAsync(string runId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records that one handler returned for the run under the caller's claim, so a later claim does not call it again.</summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="handlerName">The handler's name, stable across restarts and instances.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="false"/> when the caller no longer holds the claim (nothing is recorded then).</returns>
    Task<bool> RecordHandlerFinishedAsync(string runId, string handlerName, CancellationToken cancellationToken);

    /// <summary>
    /// Records the run as collected, for good, when the caller holds its claim (live, or lapsed and not taken over);
    /// the claim ends. A caller whose claim was taken over records nothing: the run is the new holder's, whose
    /// handlers may be running, and it completes the run. A run already collected, or never claimed, is left as it is.
    /// </summary>
    /// <param name="runId">A run the caller claimed.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>
    /// <see langword="true"/> when this call recorded the run as collected; <see langword="false"/> when the caller
    /// held no claim on it (taken over, released, already completed or never claimed), so nothing was recorded and
    /// the run's gap is not the caller's to settle.
    /// </returns>
    Task<bool> CompleteAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up the caller's claim after a handler failed or the host stopped, so the run is offered again. Also
    /// called after a <see cref="TryClaimAsync"/> that failed or was cancelled (that claim may have been written
    /// anyway): a run the caller holds no claim on is left as it is.
    /// </summary>
    /// <param name="runId">A run the caller claimed, or tried to.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the claim is gone.</returns>
    Task ReleaseAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Records a run the service reported as failed, once.</summary>
    /// <param name="run">The failed run.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="true"/> the first time this run is recorded as failed.</returns>
    Task<bool> RecordFailedRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>
    /// The windows of <paramref name="reportId"/>'s runs that are collected (completed in the store), among those ending
    /// on or after <paramref name="since"/>. A run claimed but not completed covers nothing: its collection may still fail.
    /// </summary>
    /// <param name="reportId">The report.</param>
    /// <param name="since">The earliest last day of a window worth returning.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>Each covered window once, as (first day, last day).</returns>
    Task<IReadOnlySet<(DateOnly From, DateOnly To)>> GetCoveredWindowsAsync(string reportId, DateOnly since, CancellationToken cancellationToken);

    /// <summary>The report's checkpoint with the schedule it was judged by.</summary>
    /// <param name="reportId">The report.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The checkpoint, or <see langword="null"/> before the report's first pass.</returns>
    Task<ReportCheckpoint?> GetReportCheckpointAsync(string reportId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the report's checkpoint to <paramref name="checkpoint"/> with its schedule: a later
    /// <see cref="ReportCheckpoint.At"/> replaces the stored checkpoint whole; an equal one replaces its schedule only
    /// when seen later; an earlier one leaves it as it is (a checkpoint never moves back).
    /// </summary>
    /// <param name="reportId">The report.</param>
    /// <param name="checkpoint">The new checkpoint; its schedule and the time it was seen are both set or both <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The checkpoint now stored.</returns>
    Task<ReportCheckpoint> AdvanceCheckpointAsync(string reportId, ReportCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// The runs of <paramref name="reportId"/> the store knows (a door claimed them) that are neither collected nor
    /// recorded as failed, among those ending on or after <paramref name="since"/>: their claim may still be held, or
    /// may have lapsed or been released with nobody taking it over. The gap finder counts their windows as pending,
    /// not as gaps, and collects a lapsed one itself by its id.
    /// </summary>
    /// <param name="reportId">The report.</param>
    /// <param name="since">The earliest last day of a window worth returning.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The runs, in no particular order.</returns>
    Task<IReadOnlyList<RunRecord>> GetUncollectedRunsAsync(string reportId, DateOnly since, CancellationToken cancellationToken);

    /// <summary>Records a gap, unless one for the same report and window is recorded already.</summary>
    /// <param name="gap">The gap found (its status <see cref="ReportGapStatus.Missing"/>).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="true"/> when the gap is new.</returns>
    Task<bool> RecordGapAsync(ReportGap gap, CancellationToken cancellationToken);

    /// <summary>
    /// Records the on-demand run requested for a gap (its status becomes <see cref="ReportGapStatus.BackfillRequested"/>).
    /// A gap already settled (<see cref="ReportGapStatus.Filled"/> or <see cref="ReportGapStatus.Failed"/>) stays settled.
    /// </summary>
    /// <param name="reportId">The gap's report.</param>
    /// <param name="from">The gap's first day.</param>
    /// <param name="to">The gap's last day.</param>
    /// <param name="runId">The run the service accepted.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the record is durable.</returns>
    Task RecordBackfillAsync(string reportId, DateOnly from, DateOnly to, string runId, CancellationToken cancellationToken);

    /// <summary>Settles a gap: <see cref="ReportGapStatus.Filled"/> or <see cref="ReportGapStatus.Failed"/>.</summary>
    /// <param name="reportId">The gap's report.</param>
    /// <param name="from">The gap's first day.</param>
    /// <param name="to">The gap's last day.</param>
    /// <param name="status">The settled status.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes once the record is durable.</returns>
    Task SettleGapAsync(string reportId, DateOnly from, DateOnly to, ReportGapStatus status, CancellationToken cancellationToken);

    /// <summary>Every gap recorded, oldest occurrence first.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The gaps.</returns>
    Task<IReadOnlyList<ReportGap>> GetGapsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The gaps not settled yet (<see cref="ReportGapStatus.Missing"/> or <see cref="ReportGapStatus.BackfillRequested"/>),
    /// oldest occurrence first: what the gap finder follows each pass, while settled gaps are kept (and listed by
    /// <see cref="GetGapsAsync"/>) for ever. The default is a pure convenience: it filters <see cref="GetGapsAsync"/>,
    /// so it is right for any store; a store overrides it to read only those rows.
    /// </summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The open gaps.</returns>
    async Task<IReadOnlyList<ReportGap>> GetOpenGapsAsync(CancellationToken cancellationToken) =>
        [.. (await GetGapsAsync(cancellationToken).ConfigureAwait(false)).Where(gap => gap.Status is ReportGapStatus.Missing or ReportGapStatus.BackfillRequested)];
}
