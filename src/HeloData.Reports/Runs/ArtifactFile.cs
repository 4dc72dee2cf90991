
namespace HeloData.Reports;

/// <summary>
/// Writes an artifact to a file so that the target path only ever holds a whole artifact: the bytes
/// go to a temporary file in the same directory (same volume, so the final move is atomic), which
/// replaces the target only once complete. After a failure or a cancellation it is deleted.
/// </summary>
internal static class ArtifactFile
{
    /// <summary>
    /// Checks a target path before anything is downloaded, so a typo costs no download: it must name a
    /// file (not a directory) in a directory that exists.
    /// </summary>
    /// <returns>The full path.</returns>
    /// <exception cref="ArgumentException">The path is blank, malformed, names a directory, or its directory does not exist.</exception>
    public static string CheckPath(string? path, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, paramName);
        string target;
        try
        {
            target = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"The path {ValueText.Quote(path)} is not a valid file path: {exception.Message}", paramName, exception);
        }

        if (Path.EndsInDirectorySeparator(path) || Directory.Exists(target))
        {
            throw new ArgumentException($"The path {ValueText.Quote(path)} names a directory; give the file to write, such as {ValueText.Quote(Path.Combine(path, "report.csv"))}.", paramName);
        }

        var directory = Path.GetDirectoryName(target);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new ArgumentException($"The directory {ValueText.Quote(directory ?? target)} of the path {ValueText.Quote(path)} does not exist; create it first.", paramName);
        }

        return target;
    }

    public static async Task<DownloadResult> WriteAsync(DownloadStream source, string path, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            DownloadResult result;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                result = await source.CopyWithProgressAsync(file, progress, cancellationToken).ConfigureAwait(false);
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
