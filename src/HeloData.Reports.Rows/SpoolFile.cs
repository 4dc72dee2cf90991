namespace HeloData.Reports.Rows;

/// <summary>
/// A temporary copy of an artifact that only this process's user can read: a file created with mode
/// 0600 in a folder of its own created with mode 0700 (<see cref="Directory.CreateTempSubdirectory(string?)"/>
/// in the temp folder), so no other local user can read the artifact or swap the file while it is read.
/// Disposing it deletes both, whatever the read's outcome.
/// </summary>
internal sealed class SpoolFile : IAsyncDisposable
{
    private const string Prefix = "helodata-rows-";

    private readonly string _folder;

    private SpoolFile(string folder, FileStream stream)
    {
        _folder = folder;
        Stream = stream;
    }

    /// <summary>The open file, read and written.</summary>
    public FileStream Stream { get; }

    /// <summary>Creates the folder and the file.</summary>
    /// <param name="root">Where the private folder goes; <see langword="null"/> for the system's temp folder (tests give their own).</param>
    /// <param name="extension">The file's extension, with its dot.</param>
    public static SpoolFile Create(string? root, string extension)
    {
        var folder = root is null ? Directory.CreateTempSubdirectory(Prefix).FullName : CreatePrivateFolder(root);
        try
        {
            var options = PrivateFiles.Options(FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose | FileOptions.Asynchronous, bufferSize: 81920);
            return new SpoolFile(folder, new FileStream(Path.Combine(folder, "artifact" + extension), options));
        }
        catch
        {
            TryDelete(() => Directory.Delete(folder, recursive: true));
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var path = Stream.Name;
        await Stream.DisposeAsync().ConfigureAwait(false);

        // DeleteOnClose normally removes the file already; this covers file systems where it does not.
        TryDelete(() => File.Delete(path));
        TryDelete(() => Directory.Delete(_folder, recursive: true));
    }

    // Directory.CreateTempSubdirectory only works in the system temp folder; elsewhere a fresh name, made 0700 from the start.
    private static string CreatePrivateFolder(string root)
    {
        var folder = Path.Combine(root, Prefix + Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal));
        if (Directory.Exists(folder))
        {
            throw new IOException($"The temporary folder '{folder}' already exists.");
        }

        return PrivateFiles.CreateFolder(folder).FullName;
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
