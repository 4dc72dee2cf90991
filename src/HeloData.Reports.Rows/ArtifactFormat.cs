namespace HeloData.Reports.Rows;

/// <summary>
/// Tells a run's artifact format, the one rule for it (docs/artifacts.md, "Which format"). The content
/// decides, already un-gzipped: parquet's <c>PAR1</c>; an NDJSON object's opening brace; a header line
/// with tabs and no comma (tsv) or commas and no tab (csv), as no column name holds either. Only where
/// the content cannot tell (a header of one column) does the download URL path's extension decide
/// (<c>.csv.gz</c> counts as <c>.csv</c>). It needs nothing but the run and the stream, so a test
/// double's stream is read as the SDK's own download is.
/// </summary>
internal static class ArtifactFormat
{
    public static ReportFormat? Detect(Uri? url, ReadOnlySpan<byte> head) =>
        ByContent(head) ?? Extension(url) switch
        {
            ".csv" => ReportFormat.Csv,
            ".tsv" or ".tab" => ReportFormat.Tsv,
            ".ndjson" or ".jsonl" or ".json" => ReportFormat.Json,
            ".parquet" => ReportFormat.Parquet,
            _ => (ReportFormat?)null,
        };

    /// <summary>The path's last extension, lower case, a trailing <c>.gz</c> or <c>.gzip</c> set aside; empty when none.</summary>
    internal static string Extension(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return string.Empty;
        }

        var name = Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath)).ToLowerInvariant();
        foreach (var compressed in (ReadOnlySpan<string>)[".gz", ".gzip"])
        {
            if (name.EndsWith(compressed, StringComparison.Ordinal))
            {
                name = name[..^compressed.Length];
            }
        }

        return Path.GetExtension(name);
    }

    /// <summary>
    /// Whether <paramref name="head"/> holds all the content can tell the rule: parquet's magic, or a line
    /// break after the first non-blank bytes (the header line, or NDJSON's first object, is whole). More
    /// bytes would change nothing; fewer could leave a csv or tsv header undecided.
    /// </summary>
    public static bool HeadIsComplete(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PAR1"u8))
        {
            return true;
        }

        var text = FromFirstNonBlank(head);
        return text.IndexOfAny("\r\n"u8) >= 0;
    }

    private static ReportFormat? ByContent(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PAR1"u8))
        {
            return ReportFormat.Parquet;
        }

        var text = FromFirstNonBlank(head);
        if (!text.IsEmpty && text[0] == (byte)'{')
        {
            return ReportFormat.Json;
        }

        var end = text.IndexOfAny("\r\n"u8);
        var header = end < 0 ? text : text[..end];
        var tab = header.Contains((byte)'\t');
        var comma = header.Contains((byte)',');
        return tab == comma ? (ReportFormat?)null : tab ? ReportFormat.Tsv : ReportFormat.Csv;
    }

    // The head from its first non-blank byte, past a UTF-8 byte order mark.
    private static ReadOnlySpan<byte> FromFirstNonBlank(ReadOnlySpan<byte> head) =>
        (head.StartsWith("\uFEFF"u8) ? head[3..] : head).TrimStart(" \t\r\n"u8);
}
