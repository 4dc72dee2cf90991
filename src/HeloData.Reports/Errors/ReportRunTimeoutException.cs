using HeloData.Reports.Models;

namespace HeloData.Reports.Errors;

/// <summary>
/// Waiting for a run took longer than its maximum wait. The run itself goes on on the service: wait
/// again later with its id, which is in <see cref="RunId"/>.
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
            $"Run {runId} did not finish within {maxWait}; its last status was {(lastRun is null ? "unknown (no poll succeeded)" : $"'{lastRun.Status}'")}. The run goes on: wait for it again later.",
            ReportsErrorCode.Timeout,
            innerException: innerException)
    {
        RunId = runId;
        LastRun = lastRun;
    }

    /// <summary>The run waited for.</summary>
    public string RunId { get; }

    /// <summary>The run as last read, or <see langword="null"/> when no poll succeeded.</summary>
    public ReportRun? LastRun { get; }

    /// <summary>The last status seen, or <c>default</c> when no poll succeeded.</summary>
    public RunStatus LastStatus => LastRun?.Status ?? default;
}
