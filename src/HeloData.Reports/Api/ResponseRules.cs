using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Wire assumption, in one place: what a success body must hold before the SDK hands it on. A body
/// that breaks a rule is an <c>invalid_response</c>, so no caller ever sees a run without its id, a
/// <see langword="null"/> where the model promises a value, or a download URL that cannot be fetched.
/// </summary>
/// <remarks>
/// Required: a report's <c>id</c>, a run's <c>run_id</c> and <c>status</c>, the accepted run's
/// <c>run_id</c>; ids must be ones the client could send back (<see cref="IdRules"/>). Strings and lists
/// the models declare non-nullable must not be JSON <c>null</c>, nor may list elements be, except
/// <c>recent_runs</c>, which the contract lets be <c>null</c> for an empty list (<see cref="ReportList"/>). A
/// <c>download_url</c> must be an absolute https or http URL. Anything the models declare optional may
/// be absent or <c>null</c>.
/// </remarks>
internal static class ResponseRules
{
    /// <summary>Says what is wrong with a deserialized answer, or returns <see langword="null"/> when it keeps the contract.</summary>
    /// <param name="model">The model Refit read from a success body.</param>
    /// <returns>The problem, in words that name the member, or <see langword="null"/>.</returns>
    public static string? FindProblem(object model) => model switch
    {
        Report report => ReportProblem(report),
        ReportRun run => RunProblem(run),
        RunAccepted accepted => IdProblem(accepted.RunId, "run_id"),
        ReportList list => ListProblem(list),
        _ => null,
    };

    private static string? ReportProblem(Report report, string where = "")
    {
        if (IdProblem(report.Id, where + "id") is { } id)
        {
            return id;
        }

        if (report.Name is null)
        {
            return $"{where}name is null";
        }

        return report.Filters?.Products is { } products && products.Contains(default)
            ? $"{where}filters.products holds a null"
            : null;
    }

    private static string? RunProblem(ReportRun run, string where = "")
    {
        if (IdProblem(run.RunId, where + "run_id") is { } id)
        {
            return id;
        }

        if (string.IsNullOrEmpty(run.Status.ToString()))
        {
            return $"{where}status is missing, null or empty";
        }

        if (run.ReportId is null)
        {
            return $"{where}report_id is null";
        }

        if (run.Error is { Message: null })
        {
            return $"{where}error.message is null";
        }

        return run.DownloadUrl is { } url && !IsFetchable(url)
            ? $"{where}download_url is not an absolute https or http URL"
            : null;
    }

    private static string? ListProblem(ReportList list)
    {
        // recent_runs is never null here: ReportList reads a null one as empty (the contract says so).
        if (list.Reports is null)
        {
            return "reports is null";
        }

        for (var i = 0; i < list.Reports.Count; i++)
        {
            if ((list.Reports[i] is { } report ? ReportProblem(report, $"reports[{i}].") : $"reports[{i}] is null") is { } problem)
            {
                return problem;
            }
        }

        for (var i = 0; i < list.RecentRuns.Count; i++)
        {
            if ((list.RecentRuns[i] is { } run ? RunProblem(run, $"recent_runs[{i}].") : $"recent_runs[{i}] is null") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    // The models default a missing id to "", so missing, null and empty read alike.
    private static string? IdProblem(string? id, string member) =>
        string.IsNullOrEmpty(id) ? $"{member} is missing, null or empty"
        : IdRules.FindProblem(id) is { } problem ? $"{member} {problem}"
        : null;

    private static bool IsFetchable(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
