using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Waiting for a run took longer than its maximum wait, or the service asked (with <c>Retry-After</c>)
/// for a pause that would end past it. The run itself goes on on the service: wait again later with its
/// id, which is in <see cref="ReportsException.RunId"/>; <see cref="ReportsException.RetryAfter"/> says
/// how long the service asked to wait, when that is what ended the wait.
/// </summary>
public sealed class ReportRunTimeoutException : ReportsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="runId">The run waited for.</param>
    /// <param name="maxWait">How long was waited.</param>
    /// <param name="lastRun">The run as last read, or <see langword="null"/> when no poll succeeded.</param>
    /// <param name="innerException">The timeout that ended the wait.</param>
    public ReportRunTimeoutException(string runId, TimeSpan maxWait, ReportRun? lastRun, Exception? innerException = null)
        : base(
            $"Run {runId} did not finish within {maxWait}; its last status was {LastStatusText(lastRun)}. The run goes on: wait for it again later.",
            ReportsErrorCode.Timeout,
            innerException: innerException)
    {
        RunId = runId;
        LastRun = lastRun;
    }

    /// <summary>The wait ended early: the service asked for a pause that would end past the maximum wait.</summary>
    internal ReportRunTimeoutException(string runId, TimeSpan maxWait, ReportRun? lastRun, TimeSpan? retryAfter)
        : base(
            $"Run {runId} did not finish within {maxWait}: the service asked to wait {retryAfter?.TotalSeconds:0.###} s before the next poll, past the maximum wait. Its last status was {LastStatusText(lastRun)}. The run goes on: wait for it again later.",
            ReportsErrorCode.Timeout,
            retryAfter: retryAfter)
    {
        RunId = runId;
        LastRun = lastRun;
    }

    /// <summary>The run as last read, or <see langword="null"/> when no poll succeeded.</summary>
    public ReportRun? LastRun { get; }

    private static string LastStatusText(ReportRun? lastRun) =>
        lastRun is null ? "unknown (no poll succeeded)" : $"'{lastRun.Status}'";
}
