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

    /// <summary>
    /// The file extension, with its dot, of an artifact in this format: <c>.csv</c>, <c>.tsv</c>,
    /// <c>.ndjson</c> for <see cref="Json"/> (one JSON object per line, not one JSON document) and
    /// <c>.parquet</c>; known formats are recognised ignoring case, as <c>==</c> does.
    /// </summary>
    /// <remarks>
    /// <see langword="null"/> for a format this version of the SDK does not know, and for <c>default</c>:
    /// its files' extension is not known, and a wire value is never turned into part of a file name.
    /// Choose your own then, such as <c>format.FileExtension ?? ".bin"</c>.
    /// </remarks>
    public string? FileExtension =>
        this == Csv ? ".csv"
        : this == Tsv ? ".tsv"
        : this == Json ? ".ndjson"
        : this == Parquet ? ".parquet"
        : null;

    /// <summary>
    /// The format an artifact's media type names: <c>text/csv</c>, <c>text/tab-separated-values</c>,
    /// <c>application/x-ndjson</c> (and its aliases <c>application/ndjson</c>, <c>application/jsonl</c>,
    /// <c>application/x-jsonlines</c>), <c>application/vnd.apache.parquet</c> (and <c>application/x-parquet</c>).
    /// Parameters such as <c>; charset=utf-8</c> are ignored, and so is case.
    /// </summary>
    /// <param name="contentType">A <c>Content-Type</c> value, for example from a download or a pushed delivery.</param>
    /// <returns>The format; <see langword="null"/> for any other media type, or none.</returns>
    public static ReportFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "text/csv" => Csv,
            "text/tab-separated-values" => Tsv,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => Json,
            "application/vnd.apache.parquet" or "application/x-parquet" => Parquet,
            _ => (ReportFormat?)null,
        };
    }
}
