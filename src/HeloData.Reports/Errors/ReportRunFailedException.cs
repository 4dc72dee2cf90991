using HeloData.Reports.Models;

namespace HeloData.Reports.Errors;

/// <summary>
/// A run being waited for ended as <see cref="RunStatus.Failed"/>. <see cref="ReportsException.ErrorCode"/>
/// and the message are the run's own <c>error</c>.
/// </summary>
public sealed class ReportRunFailedException : ReportsException
{
    /// <summary>Creates the exception for a failed run.</summary>
    /// <param name="run">The failed run, as last read.</param>
    public ReportRunFailedException(ReportRun run)
        : base(
            $"Run {run?.RunId} of report {run?.ReportId} failed: {run?.Error?.Code.ToString() ?? "(no code)"}: {run?.Error?.Message}",
            run?.Error?.Code is { } code && code != default ? code : ReportsErrorCode.InternalError)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
    }

    /// <summary>The failed run, with its <see cref="ReportRun.Error"/>.</summary>
    public ReportRun Run { get; }
}
