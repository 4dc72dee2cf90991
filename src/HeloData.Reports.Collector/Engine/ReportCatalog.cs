using System.Collections.Concurrent;
using HeloData.Reports.Models;

namespace HeloData.Reports.Collector;

/// <summary>
/// The reports a run's type and format are read from (a run alone does not say them): those of the last pass's
/// listing, and any other fetched once by <c>GET /reports/{id}</c> (a webhook delivery before the first pass).
/// </summary>
internal sealed class ReportCatalog(IReportsClient client)
{
    private readonly ConcurrentDictionary<string, Report> _reports = new(StringComparer.Ordinal);

    /// <summary>Takes a pass's listing: each report as it is now (a format changed since is seen from here on).</summary>
    public void Remember(IEnumerable<Report> reports)
    {
        foreach (var report in reports)
        {
            _reports[report.Id] = report;
        }
    }

    /// <summary>The report, as last listed, or read from the service.</summary>
    public async Task<Report> GetAsync(string reportId, CancellationToken cancellationToken)
    {
        if (_reports.TryGetValue(reportId, out var known))
        {
            return known;
        }

        var report = await client.GetReportAsync(reportId, cancellationToken).ConfigureAwait(false);
        return _reports.GetOrAdd(reportId, report);
    }
}
