using System.Diagnostics.Metrics;

namespace HeloData.Reports.Collector;

/// <summary>
/// The collector's meter, static like the client's (<c>ReportsInstrumentation</c>), so every collector in a process
/// reports under one name: subscribe with <c>.AddMeter("HeloData.Reports.Collector")</c>.
/// </summary>
internal static class CollectorTelemetry
{
    /// <summary>The name of the collector's meter (and activity source).</summary>
    public const string Name = "HeloData.Reports.Collector";

    /// <summary>The tag of <see cref="Gaps"/>: <see cref="GapFound"/>, <see cref="GapBackfilled"/> or <see cref="GapFailed"/>.</summary>
    public const string StatusTagName = "status";

    /// <summary>A gap recorded for the first time.</summary>
    public const string GapFound = "found";

    /// <summary>An on-demand run requested to fill a gap.</summary>
    public const string GapBackfilled = "backfilled";

    /// <summary>A gap settled as failed: its replacement run failed too, or could not be requested.</summary>
    public const string GapFailed = "failed";

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Gaps = Meter.CreateCounter<long>(
        "helodata.collector.gaps", "{gap}", "Scheduled occurrences of reports without a collectable run, by what became of them.");

    public static void CountGap(string status) => Gaps.Add(1, new KeyValuePair<string, object?>(StatusTagName, status));
}
