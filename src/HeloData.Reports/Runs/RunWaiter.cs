using HeloData.Reports.Diagnostics;
using HeloData.Reports.Errors;
using HeloData.Reports.Models;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HeloData.Reports.Runs;

/// <summary>
/// Polls a run until it is completed or failed, on a Polly v8 pipeline driven by a
/// <see cref="TimeProvider"/>: the maximum wait is a timeout strategy, the polling a retry strategy
/// that "retries" while the status is not terminal or a poll failed transiently.
/// </summary>
internal sealed class RunWaiter
{
    private readonly string _runId;
    private readonly Func<string, CancellationToken, Task<RunPoll>> _poll;
    private readonly WaitForCompletionOptions _options;
    private readonly IProgress<ReportRun>? _progress;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private ReportRun? _lastRun;

    public RunWaiter(string runId, Func<string, CancellationToken, Task<RunPoll>> poll, WaitForCompletionOptions options, IProgress<ReportRun>? progress, TimeProvider timeProvider)
    {
        _runId = runId;
        _poll = poll;
        _options = options;
        _progress = progress;
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
    }

    /// <summary>The number of status requests made so far.</summary>
    public int Polls { get; private set; }

    public async Task<ReportRun> WaitAsync(CancellationToken cancellationToken)
    {
        // The wait's span is current while polling, so each poll's GetRun span is its child.
        var scope = OperationScope.Start(ReportsOperation.WaitForCompletion, runId: _runId);
        ReportRun run;
        try
        {
            run = await PollUntilDoneAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ReportsInstrumentation.RecordPolls(Polls, ReportsInstrumentation.OutcomeOf(exception));
            scope.AddIds(_lastRun?.ReportId, runId: null);
            scope.Failed(exception);
            throw;
        }

        ReportsInstrumentation.RecordPolls(Polls, HeloReportsTelemetry.SuccessOutcome);
        scope.Succeeded(run);
        return run;
    }

    private async Task<ReportRun> PollUntilDoneAsync(CancellationToken cancellationToken)
    {
        var pipeline = new ResiliencePipelineBuilder<RunPoll> { TimeProvider = _timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Name = "MaxWait", Timeout = _options.MaxWait })
            .AddRetry(new RetryStrategyOptions<RunPoll>
            {
                Name = "Poll",
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(KeepPolling(args.Outcome, cancellationToken)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(PollSchedule.NextDelay(
                    _timeProvider.GetElapsedTime(_started), RetryAfterOf(args.Outcome), _options, Random.Shared.NextDouble())),
            })
            .Build();

        RunPoll final;
        try
        {
            final = await pipeline.ExecuteAsync(PollOnceAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new ReportRunTimeoutException(_runId, _options.MaxWait, _lastRun, timeout);
        }

        return final.Run.Status == RunStatus.Failed ? throw new ReportRunFailedException(final.Run) : final.Run;
    }

    private async ValueTask<RunPoll> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (Polls == 0)
        {
            await Task.Delay(_options.InitialDelay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        Polls++;
        var poll = await _poll(_runId, cancellationToken).ConfigureAwait(false);
        if (_lastRun is null || _lastRun.Status != poll.Run.Status)
        {
            _progress?.Report(poll.Run);
        }

        _lastRun = poll.Run;
        return poll;
    }

    // A failed poll's Retry-After (a 429 past the transport's cap, say) counts as much as a 200's.
    private static TimeSpan? RetryAfterOf(Outcome<RunPoll> outcome) =>
        outcome.Exception is ReportsException failed ? failed.RetryAfter : outcome.Result.RetryAfter;

    // An unknown status is "still in progress"; a transient failure of one poll does not end the wait
    // (the transport has already retried it); anything else (404, 401…) does.
    private static bool KeepPolling(Outcome<RunPoll> outcome, CancellationToken cancellationToken) =>
        outcome.Exception switch
        {
            null => !outcome.Result.Run.Status.IsTerminal,
            ReportsException { IsTransient: true } => !cancellationToken.IsCancellationRequested,
            _ => false,
        };
}
