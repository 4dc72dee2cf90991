namespace HeloData.Reports.Collector;

/// <summary>The argument checks and time rules every <see cref="ICollectorStateStore"/> of this package follows, so each store fails bad input, and reads its clock, the same way.</summary>
internal static class StoreArguments
{
    public static void Run(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Present(run.RunId, "run id", nameof(run));
        Present(run.ReportId, "report id", nameof(run));
        Window(run.From, run.To);
    }

    /// <summary>A time as every store keeps it: in UTC, to the millisecond (SQLite's precision; PostgreSQL's is finer).</summary>
    public static DateTimeOffset Kept(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>The store's clock, read as every store keeps and compares times: to the millisecond.</summary>
    public static DateTimeOffset Now(TimeProvider time) => Kept(time.GetUtcNow());

    /// <summary>When a lease taken at <paramref name="now"/> ends: a lease is rounded up to whole milliseconds, never shortened.</summary>
    public static DateTimeOffset LeaseEnd(DateTimeOffset now, TimeSpan lease) => now.AddMilliseconds(Math.Ceiling(lease.TotalMilliseconds));

    public static void Lease(TimeSpan lease) => ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);

    public static void Window(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"A window's first day ({from:yyyy-MM-dd}) is after its last day ({to:yyyy-MM-dd}).", nameof(from));
        }
    }

    public static void Gap(ReportGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        Present(gap.ReportId, "report id", nameof(gap));
        Window(gap.From, gap.To);
        if (gap.Status != ReportGapStatus.Missing)
        {
            throw new ArgumentException($"A gap is recorded as {ReportGapStatus.Missing}, not {gap.Status}: backfills and outcomes are recorded by their own calls.", nameof(gap));
        }
    }

    public static void Checkpoint(ReportCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Schedule is null != checkpoint.ScheduleSeenAt is null)
        {
            throw new ArgumentException($"A checkpoint's schedule and the time it was seen are both given or both left out: {checkpoint}.", nameof(checkpoint));
        }
    }

    /// <summary>A checkpoint as every store keeps it: its times in UTC, to the millisecond.</summary>
    public static ReportCheckpoint Kept(ReportCheckpoint checkpoint) =>
        checkpoint with { At = Kept(checkpoint.At), ScheduleSeenAt = checkpoint.ScheduleSeenAt is { } seen ? Kept(seen) : null };

    /// <summary>
    /// Whether <paramref name="next"/> replaces the stored <paramref name="current"/>: when it is later, or as late and
    /// its schedule was seen later (so an instance that saw the report before a <c>PATCH</c> cannot undo one that saw it after).
    /// </summary>
    public static bool Replaces(ReportCheckpoint next, ReportCheckpoint current) =>
        next.At > current.At || (next.At == current.At && next.ScheduleSeenAt > (current.ScheduleSeenAt ?? DateTimeOffset.MinValue));

    public static void Settled(ReportGapStatus status)
    {
        if (status is not (ReportGapStatus.Filled or ReportGapStatus.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"A gap is settled as {ReportGapStatus.Filled} or {ReportGapStatus.Failed}.");
        }
    }

    public static void GapKey(string reportId, DateOnly from, DateOnly to)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        Window(from, to);
    }

    private static void Present(string value, string what, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The {parameter} has no {what}.", parameter);
        }
    }
}
