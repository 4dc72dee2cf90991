namespace HeloData.Reports;

/// <summary>
/// The sweep of a <see cref="SpoolFolder"/> root at start: each life whose lock file can be locked belonged to a
/// process that is gone (the operating system drops a dead process's locks), so its spool files are deleted, then its
/// folder once empty, then its lock file. A live life, a link, and any file not named as a spool file are never touched.
/// </summary>
internal static class SpoolSweep
{
    public static void Run(string root, string lockExtension, string fileExtension, Action<Exception> fileLeft, Action<int, string> swept)
    {
        foreach (var lockFile in Directory.EnumerateFiles(root, "*" + lockExtension))
        {
            FileStream held;
            try
            {
                held = new FileStream(lockFile, PrivateFiles.Options(FileMode.Open, FileAccess.ReadWrite, FileShare.None));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // a live process holds it (or it is not ours to open)
            }

            using (held)
            {
                try
                {
                    var folder = new DirectoryInfo(Path.Combine(root, Path.GetFileNameWithoutExtension(lockFile)));
                    if (SweepFolder(folder, fileExtension) is var deleted and > 0)
                    {
                        swept(deleted, folder.FullName);
                    }

                    if (!folder.Exists)
                    {
                        File.Delete(lockFile);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    fileLeft(exception);
                }
            }
        }
    }

    // Deletes a dead life's spool files, and its folder once empty; returns how many files it deleted.
    private static int SweepFolder(DirectoryInfo folder, string fileExtension)
    {
        if (!folder.Exists || folder.LinkTarget is not null)
        {
            return 0; // a link is followed by no sweep: it could point anywhere (and is never deleted, so its lock file stays)
        }

        var deleted = 0;
        foreach (var file in folder.EnumerateFiles("*" + fileExtension))
        {
            file.Delete(); // a link named *.spool is removed itself, never what it points at
            deleted++;
        }

        if (!folder.EnumerateFileSystemInfos().Any())
        {
            folder.Delete();
        }

        folder.Refresh();
        return deleted;
    }
}
