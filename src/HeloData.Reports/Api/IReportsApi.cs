using HeloData.Reports.Models;
using Refit;

namespace HeloData.Reports.Api;

/// <summary>
/// The wire contract of the HeloData Reports API: one method per documented endpoint, read top to
/// bottom like the published endpoint table. Paths are relative to the base address
/// (<c>https://api.helodata.com/v1/</c>).
/// </summary>
/// <remarks>
/// Internal on purpose: Refit's types (<see cref="IApiResponse"/>, its exceptions) never reach a
/// public method. Every method answers an <see cref="IApiResponse{T}"/> instead of throwing, so the
/// client above maps status, headers and error body into its own typed error in one place.
/// Ids are route values, which Refit escapes into exactly one path segment; callers must still
/// refuse <c>.</c> and <c>..</c>, which a URI collapses.
/// </remarks>
internal interface IReportsApi
{
    /// <summary><c>GET /reports</c>: one page of report definitions and recent runs.</summary>
    [Get("/reports")]
    Task<IApiResponse<ReportList>> ListReportsAsync(int? limit, string? cursor, CancellationToken cancellationToken);

    /// <summary><c>POST /reports</c>: schedule a new report. Not idempotent.</summary>
    [Post("/reports")]
    Task<IApiResponse<Report>> CreateReportAsync([Body] NewReport report, CancellationToken cancellationToken);

    /// <summary><c>GET /reports/{id}</c>: a report definition.</summary>
    [Get("/reports/{id}")]
    Task<IApiResponse<Report>> GetReportAsync(string id, CancellationToken cancellationToken);

    /// <summary><c>PATCH /reports/{id}</c>: a JSON merge-patch of schedule, fields or destination.</summary>
    [Patch("/reports/{id}")]
    Task<IApiResponse<Report>> UpdateReportAsync(string id, [Body] ReportUpdate update, CancellationToken cancellationToken);

    /// <summary><c>DELETE /reports/{id}</c>: delete a report; answers <c>204</c>.</summary>
    [Delete("/reports/{id}")]
    Task<IApiResponse> DeleteReportAsync(string id, CancellationToken cancellationToken);

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
}
