using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Waiting for a run took longer than its maximum wait, or the service asked (with <c>Retry-After</c>)
/// for a pause that would end past it. The run itself goes on on the service: wait again later with its
/// id, which is in <see cref="ReportsException.RunId"/>; <see cref="ReportsException.RetryAfter"/> says
/// how long the service asked to wait, when that is what ended the wait.
/// <see cref="ReportsException.IsTransient"/> from <c>WaitForCompletionAsync</c>, which is safe to call
/// again; never from <c>RunReportAndWaitAsync</c>, whose timeout is a new exception with
/// <see cref="RunStartedByCall"/> set and the wait's own inside: calling it again would start a second
/// run, so resume with <c>WaitForCompletionAsync(RunId)</c> when you choose to wait longer.
/// </summary>
public sealed class ReportRunTimeoutException : ReportsException
{
    /// <summary>Creates the exception; also for application tests (a mocked wait's timeout).</summary>
    /// <param name="runId">The run waited for.</param>
    /// <param name="maxWait">How long was waited.</param>
    /// <param name="lastRun">The run as last read, or <see langword="null"/> when no poll succeeded.</param>
    /// <param name="retryAfter">
    /// The pause the service asked for, when that is what ended the wait (it would have ended past
    /// <paramref name="maxWait"/>); <see langword="null"/> when the maximum wait ran out.
    /// </param>
    /// <param name="innerException">The timeout that ended the wait, if any.</param>
    /// <param name="runStartedByCall">Whether the call that timed out had started the run itself (see <see cref="RunStartedByCall"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="runId"/> is <see langword="null"/>.</exception>
    public ReportRunTimeoutException(string runId, TimeSpan maxWait, ReportRun? lastRun, TimeSpan? retryAfter = null, Exception? innerException = null, bool runStartedByCall = false)
        : base(
            retryAfter is { } asked
                ? $"Run {runId} did not finish within {maxWait}: the service asked to wait {asked.TotalSeconds:0.###} s before the next poll, past the maximum wait. Its last status was {LastStatusText(lastRun)}. The run goes on: wait for it again later."
                : $"Run {runId} did not finish within {maxWait}; its last status was {LastStatusText(lastRun)}. The run goes on: wait for it again later.",
            ReportsErrorCode.Timeout,
            retryAfter: retryAfter,
            runId: runId ?? throw new ArgumentNullException(nameof(runId)),
            innerException: innerException)
    {
        LastRun = lastRun;
        RunStartedByCall = runStartedByCall;
    }

    /// <summary>
    /// Whether the call that timed out had started the run itself (<c>RunReportAndWaitAsync</c>), so
    /// repeating that call would start a second run: the exception is then not
    /// <see cref="ReportsException.IsTransient"/>. <see langword="false"/> for a wait alone
    /// (<c>WaitForCompletionAsync</c>), which is safe to repeat.
    /// </summary>
    public bool RunStartedByCall { get; }

    /// <summary>The run as last read, or <see langword="null"/> when no poll succeeded.</summary>
    public ReportRun? LastRun { get; }

    private static string LastStatusText(ReportRun? lastRun) =>
        lastRun is null ? "unknown (no poll succeeded)" : $"'{lastRun.Status}'";
}
