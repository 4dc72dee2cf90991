namespace HeloData.Reports.Collector;

/// <summary>Settings of the collector registered by <c>AddHeloReportsCollector</c>; checked when the host starts.</summary>
public sealed class ReportsCollectorOptions
{
    /// <summary>The longest <see cref="Since"/>: the service keeps runs 90 days, so nothing older can be collected.</summary>
    public static readonly TimeSpan MaxSince = TimeSpan.FromDays(90);

    /// <summary>
    /// The ids of the reports whose runs are collected (<c>rep_…</c>). Empty, the default, collects every report
    /// of the account, including reports created after the collector started.
    /// </summary>
    public IList<string> Reports { get; set; } = [];

    /// <summary>
    /// How far back a first start looks: runs completed, and scheduled occurrences due, before this long ago are
    /// not collected. Later starts go on from each report's checkpoint instead.
    /// </summary>
    /// <value>The default is 30 days; more than 0 and at most <see cref="MaxSince"/>.</value>
    public TimeSpan Since { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Whether a scheduled occurrence with no run (a gap) is filled by an on-demand run for that occurrence's
    /// window, which is then collected like any other run. Off, such gaps are logged, counted and listed
    /// (<see cref="IReportsCollector.GetGapsAsync"/>) but no run is created for them. Whatever this says, a scheduled
    /// run that failed is retried once as an on-demand run for its window (the rule: a failed run is retried
    /// once per occurrence, then reported as a failed gap), so the collector may create runs with this off.
    /// </summary>
    /// <value>The default is <see langword="false"/>: creating runs on the account is the user's decision.</value>
    public bool Backfill { get; set; }

    /// <summary>How often the account's reports and their <c>recent_runs</c> are listed.</summary>
    /// <value>The default is 5 minutes; at least 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after a scheduled occurrence its run may still appear before the occurrence counts as a gap.
    /// The contract says a scheduled run is created within 5 minutes of its occurrence.
    /// </summary>
    /// <value>The default is 1 hour; at least 5 minutes.</value>
    public TimeSpan GapGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many runs this instance downloads and hands to its sinks at once.</summary>
    /// <value>The default is 2; at least 1.</value>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>
    /// How long a claim on a run holds without being renewed. While a run's sinks work, the collector renews the
    /// claim every third of this, so a slow handler keeps its run; an instance that died (or froze) stops
    /// renewing, and after this long another instance takes the run over.
    /// </summary>
    /// <value>The default is 1 minute; at least 1 second.</value>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// This instance's name in the state store's claims: stable across restarts (a restarted instance releases
    /// the claims its previous life left at once) and different for every instance sharing one store.
    /// </summary>
    /// <value>The default, <see langword="null"/>, is <see cref="Environment.MachineName"/>.</value>
    public string? InstanceName { get; set; }

    /// <summary>
    /// Where a run's artifact is kept while its sinks read it: a private folder of the collector's own under this
    /// one (folder 0700, files 0600 on Unix), swept of files a killed instance left at the next start.
    /// </summary>
    /// <value>The default, <see langword="null"/>, is <see cref="Path.GetTempPath"/>.</value>
    public string? TemporaryDirectory { get; set; }
}
