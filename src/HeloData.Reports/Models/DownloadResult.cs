namespace HeloData.Reports;

/// <summary>A finished download.</summary>
public sealed class DownloadResult
{
    internal DownloadResult(string runId, long bytes, string? contentType)
    {
        RunId = runId;
        Bytes = bytes;
        ContentType = contentType;
    }

    /// <summary>The run whose artifact was downloaded.</summary>
    public string RunId { get; }

    /// <summary>The number of bytes written.</summary>
    public long Bytes { get; }

    /// <summary>The artifact's media type, as the download host declared it.</summary>
    public string? ContentType { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Bytes} bytes of run {RunId}";
}
