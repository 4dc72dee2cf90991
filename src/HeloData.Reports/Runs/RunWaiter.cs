using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Polls a run through the transport until it is completed or failed, on a <see cref="TimeProvider"/>,
/// within the options' maximum wait. A plain loop: each turn is one delay and one poll, and every way
/// out is typed (the run, <see cref="ReportRunFailedException"/>, <see cref="ReportRunTimeoutException"/>,
/// a <see cref="ReportsException"/> naming the run, or <see cref="ReportRunWaitCanceledException"/>).
/// </summary>
internal sealed class RunWaiter(ReportsTransport transport, TimeProvider timeProvider)
{
    public Task<ReportRun> WaitAsync(string runId, WaitForCompletionOptions options, CancellationToken cancellationToken) =>
        OperationScope.TraceAsync(
            ReportsOperation.WaitForCompletion,
            reportId: null,
            runId,
            new PollLoop(this, runId, options),
            static (loop, scope, ct) => loop.RunAsync(scope, ct),
            cancellationToken);

    /// <summary>One wait's state: the polls made and the run as last read.</summary>
    private sealed class PollLoop(RunWaiter waiter, string runId, WaitForCompletionOptions options)
    {
        private readonly long _started = waiter.TimeProvider.GetTimestamp();
        private int _polls;
        private ReportRun? _lastRun;

        public async Task<ReportRun> RunAsync(OperationScope scope, CancellationToken cancellationToken)
        {
            try
            {
                var run = await PollUntilDoneAsync(cancellationToken).ConfigureAwait(false);
                ReportsInstrumentation.RecordPolls(_polls, TelemetryNames.SuccessOutcome);
                scope.AddIdsOf(run);
                return run;
            }
            catch (Exception exception)
            {
                // Every way out names the run, which goes on on the service whatever happened to the wait.
                var named = exception switch
                {
                    ReportsException { RunId: null } failed => NamingTheRun(failed),
                    OperationCanceledException canceled when cancellationToken.IsCancellationRequested && canceled is not ReportRunWaitCanceledException =>
                        new ReportRunWaitCanceledException(runId, canceled, cancellationToken),
                    _ => exception,
                };
                ReportsInstrumentation.RecordPolls(_polls, ReportsInstrumentation.OutcomeOf(named));
                scope.AddIdsOf(_lastRun);
                if (ReferenceEquals(named, exception))
                {
                    throw;
                }

                throw named;
            }
        }

        // A new exception around the poll's own, which is never changed in flight: only a failure the
        // loop does not survive gets here, so it is not transient, and the copy keeps what it says.
        private ReportsException NamingTheRun(ReportsException failed) =>
            new($"Waiting for run {runId} failed: {failed.Message}", failed.ErrorCode, failed.Status, failed.RequestId, failed.RetryAfter, failed.ResponseExcerpt, runId, failed)
            {
                OutcomeUnknown = failed.OutcomeUnknown,
            };

        private async Task<ReportRun> PollUntilDoneAsync(CancellationToken cancellationToken)
        {
            // The maximum wait bounds the delays and the polls alike: one deadline for the whole loop.
            var time = waiter.TimeProvider;
            using var deadline = new CancellationTokenSource(options.MaxWait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var delay = options.InitialDelay;
            try
            {
                while (true)
                {
                    await Task.Delay(delay, time, linked.Token).ConfigureAwait(false);
                    TimeSpan? retryAfter;
                    try
                    {
                        var answer = await PollOnceAsync(linked.Token).ConfigureAwait(false);
                        if (answer.Value.Status.IsTerminal)
                        {
                            return answer.Value.Status == RunStatus.Failed ? throw new ReportRunFailedException(answer.Value) : answer.Value;
                        }

                        retryAfter = answer.RetryAfter;
                    }
                    catch (ReportsException failed) when (failed.IsTransient)
                    {
                        // Not retried by the transport (PollOnceAsync): the next turn of this loop is the retry.
                        retryAfter = failed.RetryAfter;
                    }

                    delay = PollSchedule.NextDelay(time.GetElapsedTime(_started), retryAfter, options, Random.Shared.NextDouble());
                    if (delay > options.MaxWait - time.GetElapsedTime(_started))
                    {
                        // Asked to wait past the deadline: sitting out the rest of MaxWait could only end the same way.
                        throw new ReportRunTimeoutException(runId, options.MaxWait, _lastRun, retryAfter: retryAfter);
                    }
                }
            }
            catch (OperationCanceledException canceled) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ReportRunTimeoutException(runId, options.MaxWait, _lastRun, innerException: canceled);
            }
        }

        // Each poll is a GetRun operation of its own, in traces and metrics alike: a child of the wait's span.
        // One request per poll: the pipeline does not retry it, since the loop above already outlives a failed poll.
        private async Task<Answer<ReportRun>> PollOnceAsync(CancellationToken cancellationToken)
        {
            _polls++;
            var answer = await waiter.Transport.SendAsync(
                ReportsOperation.GetRun, static (api, id, ct) => api.PollRunAsync(id, retry: false, ct), runId, (null, runId), cancellationToken).ConfigureAwait(false);
            if (_lastRun is null || _lastRun.Status != answer.Value.Status)
            {
                options.Progress?.Report(answer.Value);
            }

            _lastRun = answer.Value;
            return answer;
        }
    }

    private ReportsTransport Transport => transport;

    private TimeProvider TimeProvider => timeProvider;
}
