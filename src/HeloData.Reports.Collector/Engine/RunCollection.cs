using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Collects one run, whichever door it came in by: claim it, renew the claim while working, spool its content,
/// hand it to each handler not finished under an earlier claim (recording each one's return), then complete the
/// claim, or release it when something failed so the run is offered again. At most
/// <see cref="ReportsCollectorOptions.MaxConcurrentRuns"/> runs are collected at once.
/// </summary>
internal sealed class RunCollection : IDisposable
{
    private readonly ICollectorStateStore _store;
    private readonly RunContent _content;
    private readonly ReportCatalog _reports;
    private readonly RunHandlers _handlers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CollectorSpool _spool;
    private readonly TimeSpan _lease;
    private readonly SemaphoreSlim _slots;

    // Cancelled when the collector is disposed: heartbeats stop and handlers are told to stop, as in a dead instance.
    private readonly CancellationTokenSource _life = new();

    public RunCollection(ICollectorStateStore store, RunContent content, ReportCatalog reports, RunHandlers handlers, CollectorSpool spool, IOptions<ReportsCollectorOptions> options, TimeProvider time, ILogger<ReportsCollector> logger)
    {
        (_store, _content, _reports, _handlers, _spool, _time, _logger) = (store, content, reports, handlers, spool, time, logger);
        _lease = options.Value.ClaimLease;
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentRuns);
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
            var result = await ClaimAndCollectAsync(run, record, artifactPath, origin, cancellationToken).ConfigureAwait(false);
            CollectorInstrumentation.CountRun(result);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Stops every heartbeat and tells running handlers to stop; their runs' claims lapse after their lease.</summary>
    public void Dispose() => _life.Cancel(); // not disposed: runs still in flight read its token

    private async Task<RunCollectionResult> ClaimAndCollectAsync(ReportRun run, RunRecord record, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken)
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
                return RunCollectionResult.AlreadyCollected;
            case RunClaimStatus.InProgress:
                return RunCollectionResult.InProgress;
        }

        if (claim.MayHaveBeenHandled)
        {
            CollectorInstrumentation.ClaimsTakenOver.Add(1);
            CollectorLog.TakenOver(_logger, record.RunId, claim.Attempt);
        }

        using var activity = CollectorInstrumentation.StartRun(record, origin, claim.Attempt);
        long length;
        try
        {
            length = await HandleAsync(run, record, claim, artifactPath, origin, cancellationToken).ConfigureAwait(false);
            await _store.CompleteAsync(record.RunId, CancellationToken.None).ConfigureAwait(false);
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
            return RunCollectionResult.Failed;
        }

        await SettleGapAsync(record).ConfigureAwait(false);
        if (run.CompletedAt is { } completedAt)
        {
            CollectorInstrumentation.Lag.Record(Math.Max(0, (_time.GetUtcNow() - completedAt).TotalSeconds));
        }

        CollectorLog.Collected(_logger, record.RunId, record.ReportId, length, origin, claim.Attempt);
        return RunCollectionResult.Collected;
    }

    // The handlers not finished under an earlier claim, each recorded once it returns; the content is spooled only if one is left.
    private async Task<long> HandleAsync(ReportRun run, RunRecord record, RunClaim claim, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken)
    {
        var pending = _handlers.All.Where(h => !claim.FinishedHandlers.Contains(h.Name, StringComparer.Ordinal)).ToArray();
        if (pending.Length == 0)
        {
            return 0;
        }

        var heartbeat = ClaimHeartbeat.Start(_store, record.RunId, _lease, _time, _logger, _life.Token);
        await using (heartbeat.ConfigureAwait(false))
        {
            using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Lost, _life.Token);
            var report = await _reports.GetAsync(record.ReportId, working.Token).ConfigureAwait(false);
            var (path, length) = await _content.SpoolAsync(run, artifactPath, working.Token).ConfigureAwait(false);
            try
            {
                var collected = new CollectedRun(record, report.Type, report.Format, run.CompletedAt, path, length, origin, claim.Attempt, claim.MayHaveBeenHandled);
                foreach (var (name, handler) in pending)
                {
                    await handler.HandleAsync(collected, working.Token).ConfigureAwait(false);

                    // Recorded even when the host is stopping now: the handler's work is done and must not be repeated.
                    if (!await _store.RecordHandlerFinishedAsync(record.RunId, name, CancellationToken.None).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException($"The claim on {record.RunId} was taken over by another instance while its handler '{name}' ran here (its lease lapsed); that instance handles the run.");
                    }
                }
            }
            finally
            {
                _spool.Delete(path);
            }

            return length;
        }
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
            CollectorLog.NotReleased(_logger, exception, runId);
        }
    }
}
