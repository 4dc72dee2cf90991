namespace HeloData.Reports;

/// <summary>How <see cref="IReportsClient.DownloadAsync"/> and <see cref="IReportsClient.DownloadToFileAsync"/> report on a download.</summary>
public sealed class DownloadOptions
{
    /// <summary>
    /// Told of the bytes received after each chunk, and of the total when the host sends
    /// <c>Content-Length</c>; a file download that restarts counts again from zero.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (no progress).</value>
    public IProgress<DownloadProgress>? Progress { get; set; }
}
