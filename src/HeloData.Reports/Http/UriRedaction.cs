namespace HeloData.Reports;

/// <summary>
/// Makes a URI safe to log: the query string of a signed download URL is a credential, so it is
/// replaced by a marker. Scheme, host, port and path stay, for diagnosis.
/// </summary>
internal static class UriRedaction
{
    public const string RedactedQuery = "?[redacted]";

    public static string ForLog(Uri? uri)
    {
        if (uri is null)
        {
            return "(no URI)";
        }

        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            var query = text.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? text : text[..query] + RedactedQuery;
        }

        var left = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return string.IsNullOrEmpty(uri.Query) ? left : left + RedactedQuery;
    }
}
