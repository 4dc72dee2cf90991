namespace HeloData.Reports.Runs;

/// <summary>A finished download.</summary>
/// <param name="RunId">The run whose artifact was downloaded.</param>
/// <param name="Bytes">The number of bytes written.</param>
/// <param name="ContentType">The artifact's media type, as the download host declared it.</param>
public sealed record DownloadResult(string RunId, long Bytes, string? ContentType);
