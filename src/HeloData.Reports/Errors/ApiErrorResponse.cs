using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Wire assumption: the body of every non-2xx answer from the API host,
/// <c>{"error":{"code":"…","message":"…","request_id":"req_…"}}</c>.
/// </summary>
internal sealed class ApiErrorResponse
{
    public ApiErrorDetail? Error { get; init; }
}

/// <summary>The <c>error</c> object of <see cref="ApiErrorResponse"/>.</summary>
internal sealed class ApiErrorDetail
{
    public ReportsErrorCode Code { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }
}
