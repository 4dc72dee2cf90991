using System.Collections.Concurrent;
using HeloData.Reports.Models;

namespace HeloData.Reports.Collector.Tests.Support;

/// <summary>A gap finder that records what the pass gave it and hands back the backfill runs a test set.</summary>
internal sealed class RecordingGapFinder : IGapFinder
{
    public ConcurrentQueue<(Report Report, IReadOnlyList<ReportRun> FailedRuns)> Scans { get; } = new();

    public List<ReportRun> Backfills { get; } = [];

    /// <summary>Runs the next scan hands back as claimed and never collected.</summary>
    public List<ReportRun> Uncollected { get; } = [];

    public Task<GapScan> ScanAsync(Report report, IReadOnlyList<ReportRun> failedRuns, CancellationToken cancellationToken)
    {
        Scans.Enqueue((report, failedRuns));
        IReadOnlyList<ReportRun> uncollected = [.. Uncollected];
        Uncollected.Clear();
        return Task.FromResult(new GapScan(0, 0, uncollected.Count == 0 ? null : uncollected));
    }

    public Task<IReadOnlyList<ReportRun>> CompletedBackfillsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ReportRun> runs = [.. Backfills];
        Backfills.Clear();
        return Task.FromResult(runs);
    }
}
