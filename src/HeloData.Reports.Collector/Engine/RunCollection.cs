using System.Collections.Concurrent;
using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Collects one run, whichever door it came in by: claim it, renew the claim while working, spool its content,
/// hand it to each handler not finished under an earlier claim (recording each one's return), then complete the
/// claim, or release it when something failed so the run is offered again; but once a handler returned and its
/// record could not be written, the claim is not released: it lapses, and the instance taking the run over is told
/// it may have been handled. A claim lost meanwhile is counted in progress, not failed. At most
/// <see cref="ReportsCollectorOptions.MaxConcurrentRuns"/> runs are collected at once.
/// </summary>
internal sealed class RunCollection : IDisposable
{
    private readonly ICollectorStateStore _store;
    private readonly ClaimedRunWork _handling;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _lease;
    private readonly SemaphoreSlim _slots;

    // Runs met without a download URL, so each is logged once.
    private readonly ConcurrentDictionary<string, byte> _awaitingPush = new(StringComparer.Ordinal);

    // Cancelled when the collector is disposed: heartbeats stop and handlers are told to stop, as in a dead instance.
    private readonly CancellationTokenSource _life = new();

    public RunCollection(ICollectorStateStore store, RunContent content, KnownReports reports, RunHandlers handlers, CollectorSpool spool, IOptions<ReportsCollectorOptions> options, TimeProvider time, ILogger<ReportsCollector> logger)
    {
        (_store, _time, _logger) = (store, time, logger);
        _lease = options.Value.ClaimLease;
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentRuns);
        _handling = new ClaimedRunWork(store, content, reports, handlers, spool, _lease, time, logger, _life.Token);
    }

    /// <summary>Collects the run, unless it is collected already or another owner holds it.</summary>
    /// <exception cref="ReportsException">The service's run cannot be recorded (no window): nothing was claimed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; a claim taken was released.</exception>
    public async Task<RunCollectionResult> CollectAsync(ReportRun run, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken)
    {
        var record = RunRecords.Of(run);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = await ClaimAndCollectAsync(run, record, artifactPath, origin, cancellationToken).ConfigureAwait(false);
            CollectorInstrumentation.CountRun(outcome);
            return outcome.ToResult();
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Stops every heartbeat and tells running handlers to stop; their runs' claims lapse after their lease.</summary>
    public void Dispose() => _life.Cancel(); // not disposed: runs still in flight read its token

    private async Task<RunOutcome> ClaimAndCollectAsync(ReportRun run, RunRecord record, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken)
    {
        RunClaim claim;
        try
        {
            claim = await _store.TryClaimAsync(record, _lease, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A claim call that failed or was cancelled may have been written all the same.
            await ReleaseAsync(record.RunId).ConfigureAwait(false);
            throw;
        }

        switch (claim.Status)
        {
            case RunClaimStatus.AlreadyCollected:
                return RunOutcome.AlreadyCollected;
            case RunClaimStatus.InProgress:
                return RunOutcome.InProgress;
        }

        if (claim.MayHaveBeenHandled)
        {
            CollectorInstrumentation.ClaimsTakenOver.Add(1);
            CollectorLog.TakenOver(_logger, record.RunId, claim.Attempt);
        }

        using var activity = CollectorInstrumentation.StartRun(record, origin, claim.Attempt);
        long length;
        bool completed;
        try
        {
            length = await _handling.HandleAsync(run, record, claim, artifactPath, origin, cancellationToken).ConfigureAwait(false);
            completed = await _store.CompleteAsync(record.RunId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (HandlerNotRecordedException exception)
        {
            // Not released: a release would offer the run again as never handled. Its heartbeat has stopped, the claim
            // lapses, and the instance taking it over is told the run may have been handled.
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, nameof(RunOutcome.RecordLost));
            CollectorLog.RecordLost(_logger, exception.InnerException!, record.RunId);
            return RunOutcome.RecordLost;
        }
        catch (ClaimLostException)
        {
            // Released in case the claim only stopped being renewed: a store leaves another owner's claim as it is.
            await ReleaseAsync(record.RunId).ConfigureAwait(false);
            ClaimLog.ClaimLost(_logger, record.RunId);
            return RunOutcome.ClaimLost;
        }
        catch (ReportsException exception) when (exception.ErrorCode == ReportsErrorCode.NoDownloadUrl && artifactPath is null)
        {
            // Released for its push (the webhook door); said once per run, not on every poll that meets it.
            await ReleaseAsync(record.RunId).ConfigureAwait(false);
            if (_awaitingPush.TryAdd(record.RunId, 0))
            {
                CollectorLog.AwaitingPush(_logger, record.RunId);
            }

            return RunOutcome.AwaitingPush;
        }
        catch (Exception exception)
        {
            await ReleaseAsync(record.RunId).ConfigureAwait(false);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            CollectorLog.RunFailed(_logger, exception, record.RunId);
            return RunOutcome.Failed;
        }

        if (!completed)
        {
            // The claim lapsed and another instance took the run over: it completes the run (and settles its gap).
            ClaimLog.ClaimLost(_logger, record.RunId);
            return RunOutcome.ClaimLost;
        }

        await SettleGapAsync(record).ConfigureAwait(false);
        if (run.CompletedAt is { } completedAt)
        {
            CollectorInstrumentation.Lag.Record(Math.Max(0, (_time.GetUtcNow() - completedAt).TotalSeconds));
        }

        CollectorLog.Collected(_logger, record.RunId, record.ReportId, length, origin, claim.Attempt);
        return RunOutcome.Collected;
    }

    private async Task SettleGapAsync(RunRecord record)
    {
        try
        {
            await _store.SettleGapAsync(record.ReportId, record.From, record.To, ReportGapStatus.Filled, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The run is collected; the gap finder sees its window covered and settles the gap on a later pass.
            CollectorLog.GapNotSettled(_logger, exception, record.ReportId, record.From, record.To, record.RunId);
        }
    }

    private async Task ReleaseAsync(string runId)
    {
        try
        {
            await _store.ReleaseAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ClaimLog.NotReleased(_logger, exception, runId);
        }
    }
}
