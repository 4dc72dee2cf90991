using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace HeloData.Reports.Collector;

/// <summary>The collector's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, and their instruments (see <c>docs/telemetry.md</c>).</summary>
internal static class CollectorInstrumentation
{
    /// <summary>Span tag: the run's id.</summary>
    public const string RunIdTag = "helodata.run_id";

    /// <summary>Span tag: the run's report id.</summary>
    public const string ReportIdTag = "helodata.report_id";

    /// <summary>Span tag: the door the run came in by (<see cref="RunOrigin"/>, in lower case).</summary>
    public const string OriginTag = "helodata.collector.origin";

    /// <summary>Span tag: which time the run is offered (<see cref="CollectedRun.Attempt"/>).</summary>
    public const string AttemptTag = "helodata.collector.attempt";

    /// <summary>Metric tag of <see cref="Runs"/>: <c>collected</c>, <c>failed</c>, <c>already_collected</c>, <c>in_progress</c>, <c>record_lost</c> or <c>awaiting_push</c> (<see cref="RunOutcomes.ToTag"/>).</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Metric tag of <see cref="Gaps"/>: <c>found</c>, <c>backfilled</c> or <c>failed</c>.</summary>
    public const string StatusTag = "status";

    /// <summary>Counter of the runs the collector tried to claim, by <see cref="OutcomeTag"/>.</summary>
    public const string RunsInstrumentName = "helodata.collector.runs";

    /// <summary>Counter of the scheduled occurrences without a collectable run, by <see cref="StatusTag"/>.</summary>
    public const string GapsInstrumentName = "helodata.collector.gaps";

    /// <summary>Counter of the runs claimed after an earlier claim ended with no outcome.</summary>
    public const string ClaimsTakenOverInstrumentName = "helodata.collector.claims_taken_over";

    /// <summary>Histogram of the seconds from a run's completed_at to its completion in every sink.</summary>
    public const string LagInstrumentName = "helodata.collector.lag";

    private static readonly string? Version = typeof(CollectorInstrumentation).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0];

    public static readonly ActivitySource Source = new(ReportsCollectorTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(ReportsCollectorTelemetry.MeterName, Version);

    public static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        RunsInstrumentName, "{run}", "Runs the collector tried to claim, by outcome.");

    public static readonly Counter<long> Gaps = Meter.CreateCounter<long>(
        GapsInstrumentName, "{gap}", "Scheduled occurrences without a collectable run, by what became of them.");

    public static readonly Counter<long> ClaimsTakenOver = Meter.CreateCounter<long>(
        ClaimsTakenOverInstrumentName, "{claim}", "Runs claimed after an earlier claim ended with no outcome (its instance died or froze past its lease).");

    // From seconds (a webhook) to days (a first start collecting a month back).
    public static readonly Histogram<double> Lag = Meter.CreateHistogram(
        LagInstrumentName,
        "s",
        "Time from a run's completed_at to its completion in every sink.",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 21600, 86400, 604800] });

    public static void CountRun(RunCollectionResult result) => CountRun(result switch
    {
        RunCollectionResult.Collected => RunOutcome.Collected,
        RunCollectionResult.AlreadyCollected => RunOutcome.AlreadyCollected,
        RunCollectionResult.InProgress => RunOutcome.InProgress,
        _ => RunOutcome.Failed,
    });

    public static void CountRun(RunOutcome outcome) => Runs.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome.ToTag()));

    /// <summary>Counts a gap event: <paramref name="status"/> is <c>found</c>, <c>backfilled</c> or <c>failed</c>.</summary>
    public static void CountGap(string status) => Gaps.Add(1, new KeyValuePair<string, object?>(StatusTag, status));

    public static Activity? StartRun(RunRecord run, RunOrigin origin, int attempt)
    {
        var activity = Source.StartActivity("collector.run");
        activity?.SetTag(RunIdTag, run.RunId)
            .SetTag(ReportIdTag, run.ReportId)
            .SetTag(OriginTag, origin.ToString().ToLowerInvariant())
            .SetTag(AttemptTag, attempt);
        return activity;
    }
}
