using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>One pass's view of the account: every page of <c>GET /reports</c>, kept to the collected reports, with their <c>recent_runs</c>.</summary>
/// <param name="Reports">The collected reports (<see cref="ReportsCollectorOptions.Reports"/>, or all).</param>
/// <param name="Runs">Their recent runs, each once.</param>
internal sealed record AccountListing(IReadOnlyList<Report> Reports, IReadOnlyList<ReportRun> Runs)
{
    /// <summary>Reads every page.</summary>
    /// <param name="client">The client.</param>
    /// <param name="selected">The report ids to keep; empty for every report.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="ReportsException">A page failed, or the service handed out a cursor a second time.</exception>
    public static async Task<AccountListing> ReadAsync(IReportsClient client, IReadOnlySet<string> selected, CancellationToken cancellationToken)
    {
        var reports = new List<Report>();
        var runs = new Dictionary<string, ReportRun>(StringComparer.Ordinal);
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await client.ListReportsAsync(cursor: cursor, cancellationToken: cancellationToken).ConfigureAwait(false);
            reports.AddRange(page.Reports.Where(r => selected.Count == 0 || selected.Contains(r.Id)));
            foreach (var run in page.RecentRuns.Where(r => selected.Count == 0 || selected.Contains(r.ReportId)))
            {
                runs.TryAdd(run.RunId, run);
            }

            cursor = string.IsNullOrEmpty(page.NextCursor) ? null : page.NextCursor;

            // A cursor handed out twice (A→B→A) would page for ever.
            if (cursor is not null && !cursors.Add(cursor))
            {
                throw new ReportsException("Listing the reports failed: the service returned a next_cursor a second time, so the pages would repeat for ever.", ReportsErrorCode.InvalidResponse);
            }
        }
        while (cursor is not null);

        return new AccountListing(reports, [.. runs.Values]);
    }
}
