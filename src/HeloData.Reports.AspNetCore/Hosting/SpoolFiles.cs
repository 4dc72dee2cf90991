namespace HeloData.Reports.AspNetCore;

/// <summary>Opens the receiver's own files readable by its user alone (0600 on Unix, whatever the umask).</summary>
internal static class SpoolFiles
{
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share, FileOptions options = FileOptions.None)
    {
        var settings = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options, BufferSize = 0 };
        if (!OperatingSystem.IsWindows() && mode is FileMode.CreateNew or FileMode.Create or FileMode.OpenOrCreate)
        {
            settings.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, settings);
    }
}
