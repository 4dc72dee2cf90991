namespace HeloData.Reports;

/// <summary>How much of an artifact has arrived.</summary>
public readonly struct DownloadProgress
{
    internal DownloadProgress(long bytesReceived, long? totalBytes)
    {
        BytesReceived = bytesReceived;
        TotalBytes = totalBytes;
    }

    /// <summary>Bytes received so far.</summary>
    public long BytesReceived { get; }

    /// <summary>The artifact's size, when the download host sent <c>Content-Length</c>.</summary>
    public long? TotalBytes { get; }

    /// <summary>The fraction received, from 0 to 1, when the size is known.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? (double)BytesReceived / total : null;
}
