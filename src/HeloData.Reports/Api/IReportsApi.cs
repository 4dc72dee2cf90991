using HeloData.Reports.Models;
using Refit;

namespace HeloData.Reports;

/// <summary>
/// The wire contract of the HeloData Reports API: one method per documented endpoint, read top to
/// bottom like the published endpoint table. Paths are relative to the base address
/// (<c>https://api.helodata.com/v1/</c>).
/// </summary>
/// <remarks>
/// Internal on purpose: Refit's types never reach a public method. Every method answers an
/// <see cref="IApiResponse{T}"/> instead of throwing, so the transport maps status, headers and error
/// body into the SDK's own typed error in one place. Ids are route values, which Refit escapes into
/// exactly one path segment; the client still refuses <c>.</c> and <c>..</c>, which a URI collapses.
/// </remarks>
internal interface IReportsApi
{
    /// <summary>Wire assumption: the header that carries the service's request id, on any answer.</summary>
    const string RequestIdHeader = "X-Request-Id";

    /// <summary><c>GET /reports</c>: one page of report definitions and recent runs.</summary>
    [Get("/reports")]
    Task<IApiResponse<ReportList>> ListReportsAsync([AliasAs("limit")] int? pageSize, string? cursor, CancellationToken cancellationToken);

    /// <summary><c>POST /reports</c>: schedule a new report. Not idempotent.</summary>
    [Post("/reports")]
    Task<IApiResponse<Report>> CreateReportAsync([Body] NewReport report, CancellationToken cancellationToken);

    /// <summary><c>GET /reports/{id}</c>: a report definition.</summary>
    [Get("/reports/{id}")]
    Task<IApiResponse<Report>> GetReportAsync(string id, CancellationToken cancellationToken);

    /// <summary><c>PATCH /reports/{id}</c>: a JSON merge-patch of schedule, fields or destination.</summary>
    [Patch("/reports/{id}")]
    Task<IApiResponse<Report>> UpdateReportAsync(string id, [Body] ReportUpdate update, CancellationToken cancellationToken);

    /// <summary><c>DELETE /reports/{id}</c>: delete a report; answers <c>204</c>, and any body is read as text and ignored.</summary>
    [Delete("/reports/{id}")]
    Task<IApiResponse<string>> DeleteReportAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /reports/{id}/run</c>: run on demand. Not idempotent. A window with neither end set is
    /// sent as <c>{}</c>, and the service picks the default window: always sending a JSON body avoids a
    /// <c>Content-Type: application/json</c> request with an empty body, which a strict server may reject.
    /// </summary>
    [Post("/reports/{id}/run")]
    Task<IApiResponse<RunAccepted>> RunReportAsync(string id, [Body] RunWindow window, CancellationToken cancellationToken);

    /// <summary><c>GET /reports/runs/{id}</c>: a run's status and, once completed, its download URL.</summary>
    [Get("/reports/runs/{id}")]
    Task<IApiResponse<ReportRun>> GetRunAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /reports/runs/{id}</c> as one poll of a wait: the same request, marked (<paramref name="retry"/>
    /// <see langword="false"/>) so the resilience pipeline does not retry it; the wait's own schedule is its retry.
    /// </summary>
    [Get("/reports/runs/{id}")]
    Task<IApiResponse<ReportRun>> PollRunAsync(string id, [Property(ReportsResilience.RetryOptionName)] bool retry, CancellationToken cancellationToken);
}
