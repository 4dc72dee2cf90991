namespace HeloData.Reports.Runs;

/// <summary>How much of an artifact has arrived.</summary>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The artifact's size, when the download host sent <c>Content-Length</c>.</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes)
{
    /// <summary>The fraction received, from 0 to 1, when the size is known.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? (double)BytesReceived / total : null;
}
