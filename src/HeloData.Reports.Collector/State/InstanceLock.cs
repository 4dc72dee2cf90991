namespace HeloData.Reports.Collector;

/// <summary>
/// Proof that one live process at a time uses a store under an instance name: an exclusively opened file
/// beside the store, held for the process's life and let go by the system when the process dies, however it
/// dies. Holding it is what makes it safe to release the claims the name's earlier lives left.
/// </summary>
internal static class InstanceLock
{
    /// <summary>Takes the lock of <paramref name="instanceName"/> on the store at <paramref name="storePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Another live process holds it, or the file cannot be created; the message names the file.</exception>
    public static FileStream Take(string storePath, string instanceName)
    {
        var path = $"{storePath}.{FileSafe(instanceName)}.instance";
        try
        {
            // FileShare.None is an exclusive, non-blocking lock on the open file (flock on Unix, a share mode on Windows).
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException exception) when (File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Another process with the instance name '{instanceName}' is using the collector state store {storePath} ({path} is locked). "
                + $"Give each instance that shares a store its own {nameof(ReportsCollectorOptions)}.{nameof(ReportsCollectorOptions.InstanceName)} (or instanceName, for a store built in code).",
                exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The collector state store {storePath} cannot be used: {path} cannot be created ({exception.Message})", exception);
        }
    }

    // The name becomes part of a file name: anything but a plain character is replaced.
    private static string FileSafe(string name) =>
        string.Create(name.Length, name, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] is '-' or '_' ? source[i] : '_';
            }
        });
}
