using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The kind of data a report exports (the report's <c>type</c>).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportType>))]
[ExtensibleEnum("a report type")]
public readonly partial struct ReportType
{
    /// <summary>Aggregated bandwidth per sub-user, product and day (<c>traffic</c>).</summary>
    public static ReportType Traffic { get; } = new("traffic");

    /// <summary>Sampled per-request log (<c>requests</c>).</summary>
    public static ReportType Requests { get; } = new("requests");

    /// <summary>Invoice line items (<c>invoices</c>).</summary>
    public static ReportType Invoices { get; } = new("invoices");

    /// <summary>Sub-user inventory snapshot (<c>subusers</c>).</summary>
    public static ReportType Subusers { get; } = new("subusers");

    /// <summary>ISP batch inventory with per-IP health (<c>isp_batches</c>).</summary>
    public static ReportType IspBatches { get; } = new("isp_batches");
}
