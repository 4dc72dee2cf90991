using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// Tells a downloaded artifact's format. Bytes that cannot lie win (parquet's <c>PAR1</c>), then the
/// response's Content-Type, then the URL path's extension (<c>.csv.gz</c> counts as <c>.csv</c>), then
/// an NDJSON object's opening brace. The content is already un-gzipped when this looks at it.
/// </summary>
internal static class ArtifactFormat
{
    public static ReportFormat? Detect(string? mediaType, Uri? url, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PAR1"u8))
        {
            return ReportFormat.Parquet;
        }

        var byType = ReportFormat.FromContentType(mediaType);
        if (byType is { } type)
        {
            return type;
        }

        var byExtension = Extension(url) switch
        {
            ".csv" => ReportFormat.Csv,
            ".tsv" or ".tab" => ReportFormat.Tsv,
            ".ndjson" or ".jsonl" or ".json" => ReportFormat.Json,
            ".parquet" => ReportFormat.Parquet,
            _ => (ReportFormat?)null,
        };
        if (byExtension is { } extension)
        {
            return extension;
        }

        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == (byte)'{' ? ReportFormat.Json : (ReportFormat?)null;
    }

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
}
