using HeloData.Reports.Diagnostics;
using HeloData.Reports.Errors;
using HeloData.Reports.Models;

namespace HeloData.Reports.Runs;

/// <summary>
/// Polls a run until it is completed or failed, on a <see cref="TimeProvider"/>, within the options'
/// maximum wait. A plain loop: each turn is one delay and one poll, and every way out is a typed result
/// (the run, <see cref="ReportRunFailedException"/>, <see cref="ReportRunTimeoutException"/>, a
/// <see cref="ReportsException"/> naming the run, or <see cref="ReportRunWaitCanceledException"/>).
/// </summary>
internal sealed class RunWaiter(
    string runId,
    Func<string, CancellationToken, Task<RunPoll>> poll,
    WaitForCompletionOptions options,
    IProgress<ReportRun>? progress,
    TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();
    private ReportRun? _lastRun;

    /// <summary>The number of status requests made so far.</summary>
    public int Polls { get; private set; }

    public async Task<ReportRun> WaitAsync(CancellationToken cancellationToken)
    {
        // The wait's span is current while polling, so each poll's GetRun span is its child.
        var scope = OperationScope.Start(ReportsOperation.WaitForCompletion, runId: runId);
        ReportRun run;
        try
        {
            run = await PollUntilDoneAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var named = Name(exception, cancellationToken);
            ReportsInstrumentation.RecordPolls(Polls, ReportsInstrumentation.OutcomeOf(named));
            scope.AddIds(_lastRun?.ReportId, runId: null);
            scope.Failed(named);
            if (ReferenceEquals(named, exception))
            {
                throw;
            }

            throw named;
        }

        ReportsInstrumentation.RecordPolls(Polls, HeloReportsTelemetry.SuccessOutcome);
        scope.Succeeded(run);
        return run;
    }

    private async Task<ReportRun> PollUntilDoneAsync(CancellationToken cancellationToken)
    {
        // The maximum wait bounds the delays and the polls alike: one deadline for the whole loop.
        using var deadline = new CancellationTokenSource(options.MaxWait, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var delay = options.InitialDelay;
        try
        {
            while (true)
            {
                await Task.Delay(delay, timeProvider, linked.Token).ConfigureAwait(false);
                TimeSpan? retryAfter;
                try
                {
                    var answer = await PollOnceAsync(linked.Token).ConfigureAwait(false);
                    if (answer.Run.Status.IsTerminal)
                    {
                        return answer.Run.Status == RunStatus.Failed ? throw new ReportRunFailedException(answer.Run) : answer.Run;
                    }

                    retryAfter = answer.RetryAfter;
                }
                catch (ReportsException failed) when (failed.IsTransient)
                {
                    // The transport has already retried it; a poll that failed for now does not end the wait.
                    retryAfter = failed.RetryAfter;
                }

                delay = PollSchedule.NextDelay(timeProvider.GetElapsedTime(_started), retryAfter, options, Random.Shared.NextDouble());
                if (delay > options.MaxWait - timeProvider.GetElapsedTime(_started))
                {
                    // Asked to wait past the deadline: sitting out the rest of MaxWait could only end the same way.
                    throw new ReportRunTimeoutException(runId, options.MaxWait, _lastRun, retryAfter: retryAfter);
                }
            }
        }
        catch (OperationCanceledException canceled) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ReportRunTimeoutException(runId, options.MaxWait, _lastRun, canceled);
        }
    }

    private async Task<RunPoll> PollOnceAsync(CancellationToken cancellationToken)
    {
        Polls++;
        var answer = await poll(runId, cancellationToken).ConfigureAwait(false);
        if (_lastRun is null || _lastRun.Status != answer.Run.Status)
        {
            progress?.Report(answer.Run);
        }

        _lastRun = answer.Run;
        return answer;
    }

    // Every way out names the run, which goes on on the service whatever happened to the wait.
    private Exception Name(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ReportsException failed:
                failed.RunId ??= runId;
                return failed;
            case OperationCanceledException canceled when cancellationToken.IsCancellationRequested && canceled is not ReportRunWaitCanceledException:
                return new ReportRunWaitCanceledException(runId, canceled, cancellationToken);
            default:
                return exception;
        }
    }
}
