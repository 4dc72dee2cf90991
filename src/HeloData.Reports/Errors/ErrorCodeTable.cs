using System.Net;
using HeloData.Reports.Models;

namespace HeloData.Reports.Errors;

/// <summary>
/// Wire assumption, in one table: the error code an HTTP status stands for when the body does not
/// say (a proxy's HTML page, an empty body). From the contract's error table.
/// </summary>
internal static class ErrorCodeTable
{
    public static ReportsErrorCode ForStatus(int status) => status switch
    {
        (int)HttpStatusCode.BadRequest => ReportsErrorCode.BadRequest,
        (int)HttpStatusCode.Unauthorized => ReportsErrorCode.Unauthorized,
        // Only the service's own error body can say "feature_not_in_plan": a bare 403 comes as often
        // from a proxy or a firewall in front of it.
        (int)HttpStatusCode.Forbidden => ReportsErrorCode.Forbidden,
        (int)HttpStatusCode.NotFound => ReportsErrorCode.NotFound,
        (int)HttpStatusCode.RequestTimeout => ReportsErrorCode.Timeout,
        (int)HttpStatusCode.UnprocessableEntity => ReportsErrorCode.ValidationFailed,
        (int)HttpStatusCode.TooManyRequests => ReportsErrorCode.RateLimited,
        >= 500 => ReportsErrorCode.InternalError,

        // Any other 4xx is a request the service would not take; the contract names no finer code.
        _ => ReportsErrorCode.BadRequest,
    };
}
