using HeloData.Reports.Models;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Collector;

/// <summary>The on-demand runs that replace gaps: requested once for all instances, followed until they end.</summary>
internal sealed partial class GapFinder
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportRun>> CompletedBackfillsAsync(CancellationToken cancellationToken)
    {
        // A gap already covered is settled first, so no run is requested or collected again for its window.
        var gaps = await SettleCoveredAsync(await store.GetOpenGapsAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var requested = gaps.Where(gap => gap is { Status: ReportGapStatus.BackfillRequested, BackfillRunId: not null }).ToList();
        var collected = requested.Count == 0
            ? new HashSet<string>()
            : await store.FindSettledAsync(requested.Select(gap => gap.BackfillRunId!).ToList(), cancellationToken).ConfigureAwait(false);

        var completed = new List<ReportRun>();
        foreach (var gap in requested)
        {
            if (await ReadRunAsync(gap, cancellationToken).ConfigureAwait(false) is not { } run)
            {
                continue;
            }

            if (run.Status == RunStatus.Completed && !collected.Contains(run.RunId))
            {
                completed.Add(run);
            }
            else if (run.Status == RunStatus.Completed)
            {
                // Collected (by poll, or by an instance that died before settling the gap): nothing left to do.
                await store.SettleGapAsync(gap.ReportId, gap.From, gap.To, ReportGapStatus.Filled, cancellationToken).ConfigureAwait(false);
            }
            else if (run.Status == RunStatus.Failed)
            {
                await SettleFailedAsync(gap.ReportId, gap.From, gap.To, run.Error?.Code.ToString() ?? "failed", cancellationToken).ConfigureAwait(false);
            }
        }

        // Gaps whose request never got through (a transient error, or an instance that died between claiming and
        // recording the run) are asked for again once their backfill claim lapses; older than Since, they stay listed.
        var oldest = time.GetUtcNow() - _options.Since;
        foreach (var gap in gaps.Where(gap => gap.DueAt >= oldest && gap.Status == ReportGapStatus.Missing && (_options.Backfill || gap.FailedRunId is not null)))
        {
            await TryRequestBackfillAsync(gap.ReportId, gap.From, gap.To, cancellationToken).ConfigureAwait(false);
        }

        return completed;
    }

    /// <summary>Requests the on-demand run for a gap, unless another instance is doing it or did it.</summary>
    /// <returns><see langword="true"/> when this call requested the run.</returns>
    private async Task<bool> TryRequestBackfillAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (!await store.TryClaimBackfillAsync(reportId, from, to, _options.ClaimLease, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        RunAccepted accepted;
        try
        {
            if (await RequestUnderClaimAsync(reportId, from, to, cancellationToken).ConfigureAwait(false) is not { } answered)
            {
                // Not recorded as requested: a stopped request gives its claim up, so any instance asks again at once.
                LogBackfillDeferred(logger, reportId, from, to, cancellationToken.IsCancellationRequested ? "stopped" : "claim lost");
                if (cancellationToken.IsCancellationRequested)
                {
                    await store.ReleaseBackfillAsync(reportId, from, to, CancellationToken.None).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                return false;
            }

            accepted = answered;
            await store.RecordBackfillAsync(reportId, from, to, accepted.RunId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ReportsException exception) when (exception.OutcomeUnknown || exception.IsTransient)
        {
            // The claim lapses after its lease and the request is made again. When the service did act on this one
            // (its outcome unknown), the window gets two runs; the table sink keeps one window's rows once.
            LogBackfillDeferred(logger, reportId, from, to, exception.ErrorCode.ToString());
            return false;
        }
        catch (ReportsException exception) when (exception.ErrorCode == ReportsErrorCode.NotFound
            || exception.ErrorCode == ReportsErrorCode.BadRequest
            || exception.ErrorCode == ReportsErrorCode.ValidationFailed)
        {
            // The report is gone or the service refuses this window: asking again cannot help.
            await SettleFailedAsync(reportId, from, to, exception.ErrorCode.ToString(), cancellationToken).ConfigureAwait(false);
            return false;
        }

        LogBackfillRequested(logger, accepted.RunId, reportId, from, to);
        CollectorInstrumentation.CountGap("backfilled");
        return true;
    }

    /// <summary>
    /// Requests the run while a heartbeat renews the backfill claim: the request can outlast the lease (the client
    /// waits out a 429's <c>Retry-After</c>), and no other instance may ask for the window meanwhile.
    /// </summary>
    /// <returns>The accepted run, or <see langword="null"/> when the claim was lost (another instance asks now) or the pass was stopped first.</returns>
    private async Task<RunAccepted?> RequestUnderClaimAsync(string reportId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var lease = _options.ClaimLease;
        var heartbeat = ClaimHeartbeat.Start(
            beat => store.RenewBackfillAsync(reportId, from, to, lease, beat), $"the backfill of {reportId} {from:O}..{to:O}", lease, time, logger, CancellationToken.None);
        await using (heartbeat.ConfigureAwait(false))
        {
            // A lost claim or a stopping host ends the request, also while the client waits out a Retry-After. Between
            // attempts nothing is in flight; stopped mid-call the outcome is unknown, as after any interrupted request,
            // and the window is asked for again after the lease (the table sink keeps one window's rows once).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(heartbeat.Lost, cancellationToken);
            try
            {
                return await client.RunReportAsync(reportId, new RunWindow { From = from, To = to }, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private async Task<ReportRun?> ReadRunAsync(ReportGap gap, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetRunAsync(gap.BackfillRunId!, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportsException exception) when (exception.ErrorCode == ReportsErrorCode.NotFound)
        {
            // Past the service's retention: the run can no longer be collected.
            await SettleFailedAsync(gap.ReportId, gap.From, gap.To, exception.ErrorCode.ToString(), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ReportsException exception) when (exception.IsTransient)
        {
            return null;
        }
    }

    private async Task SettleFailedAsync(string reportId, DateOnly from, DateOnly to, string reason, CancellationToken cancellationToken)
    {
        await store.SettleGapAsync(reportId, from, to, ReportGapStatus.Failed, cancellationToken).ConfigureAwait(false);
        LogBackfillFailed(logger, reportId, from, to, reason);
        CollectorInstrumentation.CountGap("failed");
    }

    [LoggerMessage(210, LogLevel.Information, "Requested run {RunId} of report {ReportId} to fill its window {From}..{To}")]
    private static partial void LogBackfillRequested(ILogger logger, string runId, string reportId, DateOnly from, DateOnly to);

    [LoggerMessage(211, LogLevel.Warning, "Could not request a run of report {ReportId} for its window {From}..{To} ({ErrorCode}); asking again on a later pass")]
    private static partial void LogBackfillDeferred(ILogger logger, string reportId, DateOnly from, DateOnly to, string errorCode);

    [LoggerMessage(212, LogLevel.Error, "The window {From}..{To} of report {ReportId} stays a gap: its replacement run failed ({Reason}) and is not retried")]
    private static partial void LogBackfillFailed(ILogger logger, string reportId, DateOnly from, DateOnly to, string reason);
}
