using System.Net;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Wire assumption, in one table: the error code an HTTP status stands for when the answer does not
/// say (a proxy's HTML page, an empty body, the download host, which sends no error body at all). From
/// the contract's error table and its download-URL rules.
/// </summary>
internal static class ErrorCodeTable
{
    /// <summary>
    /// Whether <paramref name="status"/> is worth trying again later: <c>408</c>, <c>429</c> and <c>5xx</c>.
    /// The retry pipeline and <see cref="ReportsException.IsTransient"/> both ask here.
    /// </summary>
    public static bool IsTransient(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;

    /// <summary>The code of <paramref name="status"/> from the API host or, with <paramref name="downloadHost"/>, from the download host.</summary>
    public static ReportsErrorCode ForStatus(int status, bool downloadHost = false) => status switch
    {
        (int)HttpStatusCode.BadRequest => ReportsErrorCode.BadRequest,
        (int)HttpStatusCode.Unauthorized => ReportsErrorCode.Unauthorized,

        // The download host answers 403 past a signed URL's expiry. On the API host, only the
        // service's own error body can say "feature_not_in_plan": a bare 403 comes as often from a
        // proxy or a firewall in front of it.
        (int)HttpStatusCode.Forbidden => downloadHost ? ReportsErrorCode.DownloadUrlExpired : ReportsErrorCode.Forbidden,
        (int)HttpStatusCode.NotFound => ReportsErrorCode.NotFound,
        (int)HttpStatusCode.RequestTimeout => ReportsErrorCode.Timeout,
        (int)HttpStatusCode.UnprocessableEntity => ReportsErrorCode.ValidationFailed,
        (int)HttpStatusCode.TooManyRequests => ReportsErrorCode.RateLimited,
        >= 500 => ReportsErrorCode.InternalError,

        // Any other 4xx is a request the service would not take; the contract names no finer code.
        _ => ReportsErrorCode.BadRequest,
    };
}
