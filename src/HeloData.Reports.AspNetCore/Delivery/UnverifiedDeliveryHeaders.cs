using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The informational <c>helodata-*</c> headers of a delivery. The signature does NOT cover them: anyone
/// who can reach the endpoint could have changed them. Use them for logging or routing, never for a
/// decision that matters; for that, fetch the run (<c>GetRunAsync(delivery.RunId)</c>), whose id is signed.
/// </summary>
public sealed class UnverifiedDeliveryHeaders
{
    internal UnverifiedDeliveryHeaders(IHeaderDictionary headers)
    {
        ReportId = Single(headers, "helodata-report-id");
        ReportType = Single(headers, "helodata-report-type");
        Format = Single(headers, "helodata-format");
        WindowFrom = Single(headers, "helodata-window-from");
        WindowTo = Single(headers, "helodata-window-to");
    }

    /// <summary><c>helodata-report-id</c>, unverified.</summary>
    public string? ReportId { get; }

    /// <summary><c>helodata-report-type</c>, unverified.</summary>
    public string? ReportType { get; }

    /// <summary><c>helodata-format</c>, unverified.</summary>
    public string? Format { get; }

    /// <summary><c>helodata-window-from</c>, unverified.</summary>
    public string? WindowFrom { get; }

    /// <summary><c>helodata-window-to</c>, unverified.</summary>
    public string? WindowTo { get; }

    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
