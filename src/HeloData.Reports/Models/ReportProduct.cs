using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// A HeloData proxy product, as used in a report's <c>filters.products</c>.
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportProduct>))]
[ExtensibleEnum("a product")]
public readonly partial struct ReportProduct
{
    /// <summary>Residential proxies (documented) (<c>residential</c>).</summary>
    public static ReportProduct Residential { get; } = new("residential");

    /// <summary>Mobile proxies (documented) (<c>mobile</c>).</summary>
    public static ReportProduct Mobile { get; } = new("mobile");

    /// <summary>Datacenter proxies (assumed by the contract, not on the published page) (<c>datacenter</c>).</summary>
    public static ReportProduct Datacenter { get; } = new("datacenter");

    /// <summary>ISP proxies (assumed by the contract, not on the published page) (<c>isp</c>).</summary>
    public static ReportProduct Isp { get; } = new("isp");
}
