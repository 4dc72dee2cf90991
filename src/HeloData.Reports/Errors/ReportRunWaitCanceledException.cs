namespace HeloData.Reports;

/// <summary>
/// Waiting for a run was canceled through the caller's token. It is an
/// <see cref="OperationCanceledException"/>, so cancellation is handled as usual; it also names the run,
/// which goes on on the service: resume with <c>WaitForCompletionAsync(RunId)</c>.
/// </summary>
/// <remarks>
/// <c>RunReportAndWaitAsync</c> throws it once its run was accepted, so a canceled call never loses the id of
/// the run it started.
/// </remarks>
public sealed class ReportRunWaitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="runId">The run that was being waited for.</param>
    /// <param name="innerException">The cancellation that stopped the wait.</param>
    /// <param name="cancellationToken">The caller's token that was canceled.</param>
    public ReportRunWaitCanceledException(string runId, Exception? innerException, CancellationToken cancellationToken)
        : base($"Waiting for run {runId} was canceled. The run goes on: resume with WaitForCompletionAsync(\"{runId}\").", innerException, cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        RunId = runId;
    }

    /// <summary>The run that was being waited for; it goes on on the service.</summary>
    public string RunId { get; }
}
