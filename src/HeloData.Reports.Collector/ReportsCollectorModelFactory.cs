using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>Builds the collector's models for tests of your own handlers; it writes nothing and calls nothing.</summary>
/// <example>
/// <code>
/// File.WriteAllText(path, "date,subuser_id,product,bandwidth_bytes,requests\n2026-06-01,su_1,residential,1500,3\n");
/// var run = ReportsCollectorModelFactory.CollectedRun("run_1", "rep_1", ReportType.Traffic, ReportFormat.Csv, new(2026, 6, 1), new(2026, 6, 7), path);
/// await new MyRunHandler().HandleAsync(run, CancellationToken.None);
/// </code>
/// </example>
public static class ReportsCollectorModelFactory
{
    /// <summary>A run as a handler receives it, whose content is the file at <paramref name="contentPath"/> (read, never changed or deleted).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="reportId">The report's id.</param>
    /// <param name="reportType">The report's type.</param>
    /// <param name="format">The content's format.</param>
    /// <param name="from">The window's first day.</param>
    /// <param name="to">The window's last day.</param>
    /// <param name="contentPath">A file holding the content, decompressed.</param>
    /// <param name="completedAt">When the service completed the run.</param>
    /// <param name="origin">Which door the run came in by.</param>
    /// <param name="attempt">Which time the run is offered (1 the first time).</param>
    /// <param name="mayHaveBeenHandled">Whether the handler may have finished with the run before.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">An id is empty, the window ends before it starts, or <paramref name="attempt"/> is less than 1.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="contentPath"/> does not exist.</exception>
    public static CollectedRun CollectedRun(
        string runId,
        string reportId,
        ReportType reportType,
        ReportFormat format,
        DateOnly from,
        DateOnly to,
        string contentPath,
        DateTimeOffset? completedAt = null,
        RunOrigin origin = RunOrigin.Poll,
        int attempt = 1,
        bool mayHaveBeenHandled = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        ArgumentException.ThrowIfNullOrEmpty(contentPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var content = new FileInfo(contentPath);
        if (!content.Exists)
        {
            throw new FileNotFoundException($"The content file {contentPath} does not exist.", contentPath);
        }

        return new CollectedRun(new RunRecord { RunId = runId, ReportId = reportId, From = from, To = to }, reportType, format, completedAt, content.FullName, content.Length, origin, attempt, mayHaveBeenHandled);
    }

    /// <summary>What a pass of <see cref="IReportsCollector.CollectOnceAsync"/> did, for a test of code that reads it (a fake <see cref="IReportsCollector"/>'s answer).</summary>
    /// <param name="reports">How many reports were looked at.</param>
    /// <param name="collected">Runs handed to every handler and recorded.</param>
    /// <param name="alreadyCollected">Completed runs seen that were recorded before.</param>
    /// <param name="inProgress">Runs another instance held a live claim on.</param>
    /// <param name="failed">Runs whose download or handler failed.</param>
    /// <param name="gapsFound">Scheduled occurrences found without a run for the first time.</param>
    /// <param name="backfillsRequested">On-demand runs created to fill gaps.</param>
    /// <returns>The pass.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static CollectionPass CollectionPass(
        int reports = 0,
        int collected = 0,
        int alreadyCollected = 0,
        int inProgress = 0,
        int failed = 0,
        int gapsFound = 0,
        int backfillsRequested = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reports);
        ArgumentOutOfRangeException.ThrowIfNegative(collected);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyCollected);
        ArgumentOutOfRangeException.ThrowIfNegative(inProgress);
        ArgumentOutOfRangeException.ThrowIfNegative(failed);
        ArgumentOutOfRangeException.ThrowIfNegative(gapsFound);
        ArgumentOutOfRangeException.ThrowIfNegative(backfillsRequested);
        return new(reports, collected, alreadyCollected, inProgress, failed, gapsFound, backfillsRequested);
    }
}
