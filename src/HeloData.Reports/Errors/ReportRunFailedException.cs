using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// A run being waited for ended as <see cref="RunStatus.Failed"/>. <see cref="ReportsException.ErrorCode"/>
/// and the message are the run's own <c>error</c>, <see cref="ReportsException.RunId"/> the run's id.
/// Never <see cref="ReportsException.IsTransient"/>: the run has ended, and waiting again gives the same answer.
/// </summary>
public sealed class ReportRunFailedException : ReportsException
{
    /// <summary>Creates the exception for a failed run; also for application tests (a mocked wait's failure).</summary>
    /// <param name="run">The failed run, as last read.</param>
    public ReportRunFailedException(ReportRun run)
        : base(
            $"Run {ValueText.Escape(run?.RunId)} of report {ValueText.Escape(run?.ReportId)} failed: {ValueText.Escape(run?.Error?.Code.ToString() ?? "(no code)")}: {ValueText.Escape(run?.Error?.Message)}",
            run?.Error?.Code is { } code && code != default ? code : ReportsErrorCode.InternalError,
            runId: run?.RunId)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
    }

    /// <summary>The failed run, with its <see cref="ReportRun.Error"/>.</summary>
    public ReportRun Run { get; }
}
