namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>What the receiver holds in its spool folder under a temporary directory: files, bytes, and files it has open.</summary>
internal sealed class SpoolProbe(string temporaryDirectory)
{
    public string Root { get; } = Path.Combine(temporaryDirectory, WebhookSpool.Name);

    public string[] Files() => Directory.Exists(Root) ? Directory.GetFiles(Root, "*" + WebhookSpool.FileExtension, SearchOption.AllDirectories) : [];

    public long Bytes() => Files().Sum(f => new FileInfo(f) is { Exists: true } info ? info.Length : 0);

    /// <summary>How many spool files this process has open now (Linux: its <c>/proc/self/fd</c> links).</summary>
    public int OpenFiles() => Directory.GetFiles("/proc/self/fd").Count(fd =>
    {
        try
        {
            return new FileInfo(fd).LinkTarget is { } target && target.StartsWith(Root, StringComparison.Ordinal) && target.Contains(WebhookSpool.FileExtension, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // closed while being looked at
        }
    });
}
