namespace HeloData.Reports;

/// <summary>
/// Files and folders the SDK makes for itself (temporary copies, spool files, probes): readable by their
/// user alone, 0600 and 0700 on Unix whatever the umask. Linked into the AspNetCore and Rows packages and the CLI as source.
/// </summary>
internal static class PrivateFiles
{
    /// <summary>Options that create a file (if <paramref name="mode"/> creates one) with mode 0600 on Unix.</summary>
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share, FileOptions options = FileOptions.None, int bufferSize = 0)
    {
        var settings = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows() && mode is FileMode.CreateNew or FileMode.Create or FileMode.OpenOrCreate)
        {
            settings.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return settings;
    }

    /// <summary>Creates a folder (and any missing parents) with mode 0700 on Unix; an existing folder keeps its mode.</summary>
    public static DirectoryInfo CreateFolder(string path) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
