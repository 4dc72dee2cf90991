namespace HeloData.Reports.Collector;

/// <summary>The argument checks every <see cref="ICollectorStateStore"/> of this package makes, so each store fails bad input the same way.</summary>
internal static class StoreArguments
{
    public static void Run(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Present(run.RunId, "run id", nameof(run));
        Present(run.ReportId, "report id", nameof(run));
        Window(run.From, run.To);
    }

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
