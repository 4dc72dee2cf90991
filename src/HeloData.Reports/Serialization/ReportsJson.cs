using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Writes a model the service returned as the JSON the wire contract spells: <c>snake_case</c> names,
/// RFC 3339 UTC timestamps, and every field the service sent that this SDK version does not model
/// (<see cref="ExtensibleModel.AdditionalProperties"/>), at every depth.
/// </summary>
/// <remarks>
/// For logs, caches, and tools that print what the service answered (such as <c>helodata-reports --json</c>).
/// Source-generated like the client's own serialization, so it is trim- and Native-AOT-safe. Every member
/// the service sent is written with its value; a member the model knows that the service left out is
/// written as <c>null</c> (the models do not record absence, and <c>null</c> means the same to a reader).
/// A webhook destination's <c>signing_secret</c> is written when the service sent it, so treat the text as
/// you would the model.
/// </remarks>
/// <example>
/// <code>
/// var report = await reports.GetReportAsync("rep_01HX2K3PQ4M5");
/// File.WriteAllText("report.json", ReportsJson.Serialize(report));
/// </code>
/// </example>
public static class ReportsJson
{
    /// <summary>Writes a report definition as JSON.</summary>
    /// <param name="report">The report, as <c>GET /reports/{id}</c> and the other calls return it.</param>
    /// <returns>One JSON object, without indentation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string Serialize(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return System.Text.Json.JsonSerializer.Serialize(report, ReportsJsonContext.Default.Report);
    }

    /// <summary>Writes a run's status as JSON.</summary>
    /// <param name="run">The run, as <c>GET /reports/runs/{id}</c> returns it.</param>
    /// <returns>One JSON object, without indentation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    public static string Serialize(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return System.Text.Json.JsonSerializer.Serialize(run, ReportsJsonContext.Default.ReportRun);
    }

    /// <summary>Writes an accepted run as JSON.</summary>
    /// <param name="accepted">The answer of <c>POST /reports/{id}/run</c>.</param>
    /// <returns>One JSON object, without indentation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accepted"/> is <see langword="null"/>.</exception>
    public static string Serialize(RunAccepted accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return System.Text.Json.JsonSerializer.Serialize(accepted, ReportsJsonContext.Default.RunAccepted);
    }

    /// <summary>Writes a page of the report list as JSON.</summary>
    /// <param name="list">The page, as <c>GET /reports</c> returns it.</param>
    /// <returns>One JSON object, without indentation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is <see langword="null"/>.</exception>
    public static string Serialize(ReportList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return System.Text.Json.JsonSerializer.Serialize(list, ReportsJsonContext.Default.ReportList);
    }
}
