using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>A service's run as the state store records it, refused with a typed error when the service left out what a record needs.</summary>
internal static class RunRecords
{
    /// <summary>The run's record: its id, report and window.</summary>
    /// <exception cref="ReportsException">The run has no id, no report or no window (<see cref="ReportsErrorCode.InvalidResponse"/>).</exception>
    public static RunRecord Of(ReportRun run)
    {
        var missing = string.IsNullOrEmpty(run.RunId) ? "run_id"
            : string.IsNullOrEmpty(run.ReportId) ? "report_id"
            : run.From is null ? "from"
            : run.To is null ? "to"
            : null;
        if (missing is not null || run.From > run.To)
        {
            var problem = missing is null ? $"its window ends ({run.To:yyyy-MM-dd}) before it starts ({run.From:yyyy-MM-dd})" : $"it has no {missing}";
            throw new ReportsException(
                $"The service's run {run.RunId} of {run.ReportId} cannot be collected: {problem}, and a collected run is recorded by its window. It is left uncollected.",
                ReportsErrorCode.InvalidResponse,
                runId: string.IsNullOrEmpty(run.RunId) ? null : run.RunId);
        }

        return new RunRecord { RunId = run.RunId, ReportId = run.ReportId, From = run.From!.Value, To = run.To!.Value };
    }
}
