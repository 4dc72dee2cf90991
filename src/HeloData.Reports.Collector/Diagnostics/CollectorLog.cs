using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>The collector's log lines. They name runs, reports and outcomes; never a key, a download URL or a connection string.</summary>
internal static partial class CollectorLog
{
    [LoggerMessage(1, LogLevel.Information, "Collected {RunId} of {ReportId} ({Length} bytes, {Origin}, attempt {Attempt})")]
    public static partial void Collected(ILogger logger, string runId, string reportId, long length, RunOrigin origin, int attempt);

    [LoggerMessage(2, LogLevel.Warning, "Collecting {RunId} failed; it is offered again on the next pass")]
    public static partial void RunFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(3, LogLevel.Warning, "{RunId} was claimed before and not finished (its instance died or froze past its lease): taken over, attempt {Attempt}; its handlers are told it may have been handled")]
    public static partial void TakenOver(ILogger logger, string runId, int attempt);

    [LoggerMessage(7, LogLevel.Warning, "Could not record the gap of {ReportId} {From}..{To} as filled by {RunId}")]
    public static partial void GapNotSettled(ILogger logger, Exception exception, string reportId, DateOnly from, DateOnly to, string runId);

    [LoggerMessage(8, LogLevel.Information, "Collection pass: {Reports} report(s), {Collected} collected, {AlreadyCollected} collected before, {InProgress} in progress elsewhere, {Failed} failed, {GapsFound} gap(s) found, {BackfillsRequested} backfill(s) requested")]
    public static partial void Pass(ILogger logger, int reports, int collected, int alreadyCollected, int inProgress, int failed, int gapsFound, int backfillsRequested);

    [LoggerMessage(9, LogLevel.Error, "A collection pass failed; the next one runs after the poll interval")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Finding the gaps of {ReportId} failed; it is scanned again on the next pass")]
    public static partial void GapScanFailed(ILogger logger, Exception exception, string reportId);

    [LoggerMessage(11, LogLevel.Warning, "Reading the completed backfill runs failed; they are read again on the next pass")]
    public static partial void BackfillsFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "Could not delete a spool file")]
    public static partial void SpoolFileLeft(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Information, "Deleted {Count} spool file(s) left in {Folder} by a collector that is gone")]
    public static partial void SpoolSwept(ILogger logger, int count, string folder);

    [LoggerMessage(15, LogLevel.Error, "A handler of {RunId} returned but could not be recorded as finished; the claim is left to lapse, and the instance taking the run over is told it may have been handled")]
    public static partial void RecordLost(ILogger logger, Exception exception, string runId);

    [LoggerMessage(16, LogLevel.Information, "{RunId} has no download URL; it comes in by its push (the webhook door), and is left to it")]
    public static partial void AwaitingPush(ILogger logger, string runId);
}
