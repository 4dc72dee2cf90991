using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>
/// The work under one claim: renew it while working, spool the content, run each handler not finished under an
/// earlier claim and record its return. A claim lost meanwhile surfaces as <see cref="ClaimLostException"/>, a
/// return that could not be recorded as <see cref="HandlerNotRecordedException"/>.
/// </summary>
internal sealed class ClaimedRunWork(
    ICollectorStateStore store,
    RunContent content,
    KnownReports reports,
    RunHandlers handlers,
    CollectorSpool spool,
    TimeSpan lease,
    TimeProvider time,
    ILogger logger,
    CancellationToken life)
{
    /// <summary>Hands the run to the handlers left; the content is spooled only if one is left.</summary>
    /// <returns>The content's length (0 when no handler was left).</returns>
    public async Task<long> HandleAsync(ReportRun run, RunRecord record, RunClaim claim, string? artifactPath, RunOrigin origin, CancellationToken cancellationToken)
    {
        var pending = handlers.All.Where(h => !claim.FinishedHandlers.Contains(h.Name, StringComparer.Ordinal)).ToArray();
        if (pending.Length == 0)
        {
            return 0;
        }

        var heartbeat = ClaimHeartbeat.Start(beat => store.RenewAsync(record.RunId, lease, beat), record.RunId, lease, time, logger, life);
        await using (heartbeat.ConfigureAwait(false))
        {
            try
            {
                using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Lost, life);
                var report = await reports.GetAsync(record.ReportId, working.Token).ConfigureAwait(false);
                var (path, length) = await content.SpoolAsync(run, artifactPath, working.Token).ConfigureAwait(false);
                try
                {
                    var collected = new CollectedRun(record, report.Type, report.Format, run.CompletedAt, path, length, origin, claim.Attempt, claim.MayHaveBeenHandled);
                    foreach (var (name, handler) in pending)
                    {
                        await handler.HandleAsync(collected, working.Token).ConfigureAwait(false);

                        // Recorded even when the claim seems lost or the host is stopping: the store has the last word.
                        await RecordFinishedAsync(record.RunId, name).ConfigureAwait(false);
                    }
                }
                finally
                {
                    spool.Delete(path);
                }

                return length;
            }
            catch (Exception exception) when (heartbeat.Lost.IsCancellationRequested
                && !cancellationToken.IsCancellationRequested
                && exception is not (HandlerNotRecordedException or ClaimLostException))
            {
                throw new ClaimLostException(record.RunId, exception);
            }
        }
    }

    private async Task RecordFinishedAsync(string runId, string name)
    {
        bool recorded;
        try
        {
            recorded = await store.RecordHandlerFinishedAsync(runId, name, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw new HandlerNotRecordedException(runId, name, exception);
        }

        if (!recorded)
        {
            // Taken over by another instance while the handler ran here (the lease lapsed): that instance handles the run.
            throw new ClaimLostException(runId);
        }
    }
}
