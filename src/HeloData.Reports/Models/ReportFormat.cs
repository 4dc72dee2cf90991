using System.Text.Json.Serialization;

namespace HeloData.Reports.Models;

/// <summary>
/// The file format of a report's artifact (the report's <c>format</c>).
/// </summary>
/// <remarks>
/// A string-backed value: a value the SDK does not list is kept exactly as the service sent it,
/// compares equal to itself (ignoring case), and is written back unchanged.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ReportFormat>))]
[ExtensibleEnum("a report format")]
public readonly partial struct ReportFormat
{
    /// <summary>UTF-8, comma-separated, with a header row (<c>csv</c>).</summary>
    public static ReportFormat Csv { get; } = new("csv");

    /// <summary>UTF-8, tab-separated (<c>tsv</c>).</summary>
    public static ReportFormat Tsv { get; } = new("tsv");

    /// <summary>Newline-delimited JSON (NDJSON); the published page spells it <c>json</c> (<c>json</c>).</summary>
    public static ReportFormat Json { get; } = new("json");

    /// <summary>Apache Parquet, best for <c>s3</c> and <c>gcs</c> destinations (<c>parquet</c>).</summary>
    public static ReportFormat Parquet { get; } = new("parquet");
}
