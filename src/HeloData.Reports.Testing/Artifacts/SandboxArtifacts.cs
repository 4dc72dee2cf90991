namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// The shape of the artifacts the sandbox serves: the columns of each report type, and the content
/// type of each format (the file extension of each is <c>ReportFormat.FileExtension</c>, in the client).
/// </summary>
/// <remarks>
/// <para>
/// The published API page names only what each report type contains, not its columns. The columns
/// here are an <b>assumption</b> of the sandbox, so tests of your own parsers can rely on them
/// against the sandbox, but not against the real service. See <c>docs/artifacts.md</c>.
/// </para>
/// <para>
/// Report types, formats and products are the API's wire strings, matched exactly (ordinal, lower case):
/// types <c>traffic</c>, <c>requests</c>, <c>invoices</c>, <c>subusers</c>, <c>isp_batches</c>;
/// formats <c>csv</c>, <c>tsv</c>, <c>json</c> (newline-delimited JSON), <c>parquet</c>.
/// </para>
/// </remarks>
internal static class SandboxArtifacts
{
    private static readonly string[] FormatNames = ["csv", "tsv", "json", "parquet"];
    private static readonly string[] ProductNames = ["residential", "mobile", "datacenter", "isp"];

    /// <summary>The report types the sandbox can generate, in the order of the published page.</summary>
    public static IReadOnlyList<string> ReportTypes => ReportCatalog.TypeNames;

    /// <summary>The artifact formats the sandbox can write: <c>csv</c>, <c>tsv</c>, <c>json</c>, <c>parquet</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } = Array.AsReadOnly(FormatNames);

    /// <summary>
    /// The products the sandbox knows, in the order it writes them:
    /// <c>residential</c>, <c>mobile</c>, <c>datacenter</c>, <c>isp</c>.
    /// </summary>
    public static IReadOnlyList<string> Products { get; } = Array.AsReadOnly(ProductNames);

    /// <summary>The column names of a report type's artifact, in the order they are written.</summary>
    /// <param name="reportType">A report type's wire value, e.g. <c>traffic</c>.</param>
    /// <returns>The snake_case column names; the same for every format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reportType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reportType"/> is not one of <see cref="ReportTypes"/>.</exception>
    public static IReadOnlyList<string> Columns(string reportType) => ReportCatalog.For(reportType).ColumnNames;

    /// <summary>The <c>Content-Type</c> the sandbox's download host sends for an artifact in a format.</summary>
    /// <param name="format">A format's wire value: <c>csv</c>, <c>tsv</c>, <c>json</c> or <c>parquet</c>.</param>
    /// <returns>
    /// <c>text/csv; charset=utf-8</c>, <c>text/tab-separated-values; charset=utf-8</c>,
    /// <c>application/x-ndjson</c> or <c>application/vnd.apache.parquet</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="format"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not one of <see cref="Formats"/>.</exception>
    public static string ContentType(string format) => Format(format) switch
    {
        ArtifactEncoding.Csv => "text/csv; charset=utf-8",
        ArtifactEncoding.Tsv => "text/tab-separated-values; charset=utf-8",
        // NDJSON is UTF-8 by definition, so it carries no charset parameter.
        ArtifactEncoding.Ndjson => "application/x-ndjson",
        // Registered with IANA in 2024; older tools may expect application/octet-stream.
        _ => "application/vnd.apache.parquet",
    };

    internal static ArtifactEncoding Format(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format switch
        {
            "csv" => ArtifactEncoding.Csv,
            "tsv" => ArtifactEncoding.Tsv,
            "json" => ArtifactEncoding.Ndjson,
            "parquet" => ArtifactEncoding.Parquet,
            _ => throw new ArgumentException(
                $"Unknown format '{format}'; expected one of: {string.Join(", ", FormatNames)}.", nameof(format)),
        };
    }

    internal static int ProductOrder(string product) => Array.IndexOf(ProductNames, product);
}

/// <summary>The artifact encodings, one per wire format.</summary>
internal enum ArtifactEncoding
{
    Csv,
    Tsv,
    Ndjson,
    Parquet,
}
