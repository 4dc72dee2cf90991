namespace HeloData.Reports.Runs;

/// <summary>
/// Writes an artifact to a file so that the target path only ever holds a whole artifact: the bytes
/// go to a temporary file in the same directory (same volume, so the final move is atomic), which
/// replaces the target only once complete. After a failure or a cancellation it is deleted.
/// </summary>
internal static class ArtifactFile
{
    public static async Task<DownloadResult> WriteAsync(DownloadStream source, string path, string runId, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            DownloadResult result;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                result = await ArtifactDownloader.CopyAsync(source, file, runId, progress, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
            return result;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
