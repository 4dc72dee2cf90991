using System.Globalization;

namespace HeloData.Reports;

/// <summary>
/// A file written whole or not at all: the bytes go to a temporary file beside it (a short name, mode
/// 0600 on Unix), flushed to disk and moved over the name by an atomic rename only once complete; a
/// replaced file keeps its permissions. After a failure or a cancellation no temporary file is left
/// and the file named is as it was.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Every temporary file (and writability probe) is named <c>.hd-{16 hex}.partial</c>: short, and easy for a sweep to know.</summary>
    internal const string TemporaryPrefix = ".hd-";

    /// <inheritdoc cref="TemporaryPrefix"/>
    internal const string TemporarySuffix = ".partial";

    /// <summary>
    /// Checks that a new file can be created in <paramref name="folder"/>, by creating one and deleting
    /// it: the one test that answers as the real write will, whatever decides it (permissions, ACLs, a
    /// read-only mount, an immutable folder, being root).
    /// </summary>
    /// <exception cref="ArgumentException">It cannot.</exception>
    public static void CheckWritable(string folder, string? paramName, string? tag = null)
    {
        var probe = Path.Combine(folder, TemporaryName(tag));
        try
        {
            using (new FileStream(probe, CreateOptions(FileOptions.DeleteOnClose)))
            {
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The folder {PathMessages.Quote(folder)} cannot be written to ({PathMessages.Reason(exception)}), so no file can be saved there; choose another folder or change its permissions.", paramName, exception);
        }
    }

    /// <summary>Runs <paramref name="write"/> against a temporary file beside <paramref name="path"/>, then moves it over <paramref name="path"/>.</summary>
    /// <param name="path">The file to create or replace; its folder exists.</param>
    /// <param name="keepMode">Whether a file already at <paramref name="path"/> is a regular file whose mode the new one takes.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Passed to <paramref name="write"/> and the flush.</param>
    /// <param name="tag">Goes into the temporary file's name (<c>.hd-{tag}-{16 hex}.partial</c>), so a later writer of the same thing can find what a killed one left (<see cref="DeleteLeftovers"/>).</param>
    public static async Task<T> WriteAsync<T>(string path, bool keepMode, Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken, string? tag = null)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, TemporaryName(tag));
        try
        {
            T result;
            var file = new FileStream(temporary, CreateOptions(FileOptions.Asynchronous));
            await using (file.ConfigureAwait(false))
            {
                result = await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);

                // On disk before the rename: after a power cut the name holds the old bytes or all the new ones.
                file.Flush(flushToDisk: true);
            }

            if (keepMode)
            {
                KeepPermissions(temporary, path);
            }

            File.Move(temporary, path, overwrite: true);
            return result;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary files tagged <paramref name="tag"/> in <paramref name="folder"/>: what a process killed
    /// mid-write left (a kill -9 runs no cleanup). Only the caller may be writing under that tag, or this deletes a live write.
    /// </summary>
    public static void DeleteLeftovers(string folder, string tag)
    {
        foreach (var leftover in Directory.EnumerateFiles(folder, $"{TemporaryPrefix}{tag}-*{TemporarySuffix}"))
        {
            TryDelete(leftover);
        }
    }

    private static string TemporaryName(string? tag) =>
        string.Create(CultureInfo.InvariantCulture, $"{TemporaryPrefix}{(tag is null ? null : tag + "-")}{Random.Shared.NextInt64():x16}{TemporarySuffix}");

    // Nobody else reads a half-written artifact (a report may hold invoices).
    private static FileStreamOptions CreateOptions(FileOptions options) =>
        PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.None, options);

    // A file that is replaced keeps its mode (a group that could read it still can); a new one stays 0600.
    private static void KeepPermissions(string temporary, string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
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
