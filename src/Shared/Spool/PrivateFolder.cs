namespace HeloData.Reports;

/// <summary>
/// Checks a folder the SDK keeps its private files under (a spool root in the temporary folder): another local
/// user could have created it first (a link, or a folder anyone can write), and would then choose where the files
/// go, or read them. Creating the folder does not tell: an existing one keeps its owner and mode. Linked into the
/// packages that spool (the webhook receiver, the collector) with the rest of <c>src/Shared/Spool</c>.
/// </summary>
internal static class PrivateFolder
{
    /// <summary>
    /// Why <paramref name="folder"/> is not this user's alone (a link, not a directory, another owner, a mode other
    /// than 0700), or <see langword="null"/> when it is, and always on Windows (the temporary folder is the user's
    /// own there, and ACLs are not modes).
    /// </summary>
    public static string? WhyNotPrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // The link first: the stat below follows links.
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            return "it is a symbolic link";
        }

        // Null only if this runtime has no stat: then the link and the mode bits are what can be checked.
        if (FileKinds.OwnershipOf(folder) is { } status)
        {
            if (!status.IsDirectory)
            {
                return "it is not a directory";
            }

            if (FileKinds.CurrentUserId() is { } uid && status.UserId != uid)
            {
                return $"it is owned by user id {status.UserId}, not by this process's user ({uid})";
            }
        }

        var mode = File.GetUnixFileMode(folder);
        return (mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0
            ? $"its mode is {Convert.ToString((int)mode, 8).PadLeft(4, '0')}, not 0700"
            : null;
    }
}
