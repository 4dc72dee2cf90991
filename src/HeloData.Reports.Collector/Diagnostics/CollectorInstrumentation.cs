using System.Diagnostics.Metrics;

namespace HeloData.Reports.Collector;

/// <summary>
/// The gap finder's part of the collector's meter. The engine's branch (h20-engine) has this file with every
/// instrument; at the merge its version replaces this one, which holds only what the gap finder uses.
/// </summary>
internal static class CollectorInstrumentation
{
    /// <summary>Metric tag of <see cref="Gaps"/>: <c>found</c>, <c>backfilled</c> or <c>failed</c>.</summary>
    public const string StatusTag = "status";

    public static readonly Meter Meter = new("HeloData.Reports.Collector");

    public static readonly Counter<long> Gaps = Meter.CreateCounter<long>(
        "helodata.collector.gaps", "{gap}", "Scheduled occurrences without a collectable run, by what became of them.");

    /// <summary>Counts a gap event: <paramref name="status"/> is <c>found</c>, <c>backfilled</c> or <c>failed</c>.</summary>
    public static void CountGap(string status) => Gaps.Add(1, new KeyValuePair<string, object?>(StatusTag, status));
}
