using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Where runs' content waits while the handlers read it: <c>{TemporaryDirectory}/helodata-collector-{uid}/{life}/</c>,
/// a folder of this collector's life (0700, files 0600), whose life is marked by a lock held on <c>{life}.lock</c>
/// beside it. The root must be this user's alone (<see cref="PrivateFolder"/>).
/// </summary>
/// <remarks>
/// A collector killed while a run was spooled leaves the file behind. At start, each life folder whose lock can be
/// taken belonged to a process that is gone (the operating system drops a dead process's locks): its spool files
/// and folder are deleted. A live collector's folder, and any file not named <c>*.spool</c>, are never touched.
/// </remarks>
internal sealed class CollectorSpool : IDisposable
{
    internal const string FileExtension = ".spool";
    private const string LockExtension = ".lock";

    private readonly FileStream _lock;
    private readonly ILogger _logger;

    public CollectorSpool(IOptions<ReportsCollectorOptions> options, ILogger<ReportsCollector> logger)
    {
        _logger = logger;
        var user = FileKinds.CurrentUserId() is { } uid ? "-" + uid.ToString(CultureInfo.InvariantCulture) : string.Empty;
        Root = Path.GetFullPath(Path.Combine(options.Value.TemporaryDirectory ?? Path.GetTempPath(), "helodata-collector" + user));
        var life = Guid.NewGuid().ToString("N");
        Folder = Path.Combine(Root, life);
        try
        {
            PrivateFiles.CreateFolder(Root);
            if (PrivateFolder.WhyNotPrivate(Root) is { } problem)
            {
                throw new InvalidOperationException(
                    $"The collector's spool folder {Root} is not private to this user: {problem}. Remove it, or set {nameof(ReportsCollectorOptions)}.{nameof(ReportsCollectorOptions.TemporaryDirectory)} to a folder of this user's.");
            }

            Sweep();

            // The lock before the folder: a folder without a lock file, or with a held one, is never swept.
            _lock = new FileStream(Path.Combine(Root, life + LockExtension), PrivateFiles.Options(FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
            PrivateFiles.CreateFolder(Folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The collector's spool folder {Root} cannot be used ({exception.Message}); set {nameof(ReportsCollectorOptions)}.{nameof(ReportsCollectorOptions.TemporaryDirectory)} to a folder this process can write.",
                exception);
        }
    }

    /// <summary>The folder every collector with this <see cref="ReportsCollectorOptions.TemporaryDirectory"/> spools under.</summary>
    public string Root { get; }

    /// <summary>This life's own folder.</summary>
    public string Folder { get; }

    /// <summary>Creates a new, empty spool file (0600) and opens it for writing.</summary>
    public FileStream Create() =>
        new(Path.Combine(Folder, Guid.NewGuid().ToString("N") + FileExtension), PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.Read, FileOptions.Asynchronous));

    /// <summary>Deletes a spool file; a failure is logged, never thrown (the next start's sweep deletes it).</summary>
    public void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            CollectorLog.SpoolFileLeft(_logger, exception);
        }
    }

    /// <summary>Removes this life's folder when it is empty, and its lock file; a folder still holding files keeps its lock file for the next start's sweep.</summary>
    public void Dispose()
    {
        bool removed;
        try
        {
            Directory.Delete(Folder, recursive: false);
            removed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            removed = false;
        }

        _lock.Dispose();
        if (removed)
        {
            Delete(_lock.Name);
        }
    }

    private void Sweep()
    {
        foreach (var lockFile in Directory.EnumerateFiles(Root, "*" + LockExtension))
        {
            FileStream held;
            try
            {
                held = new FileStream(lockFile, PrivateFiles.Options(FileMode.Open, FileAccess.ReadWrite, FileShare.None));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // a live collector holds it
            }

            using (held)
            {
                var folder = new DirectoryInfo(Path.Combine(Root, Path.GetFileNameWithoutExtension(lockFile)));
                try
                {
                    if (folder.Exists && folder.LinkTarget is null)
                    {
                        var files = folder.GetFiles("*" + FileExtension);
                        Array.ForEach(files, file => file.Delete()); // a link named *.spool goes, not what it points at
                        CollectorLog.SpoolSwept(_logger, files.Length, folder.FullName);
                        folder.Delete(recursive: false);
                    }

                    File.Delete(lockFile);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    CollectorLog.SpoolFileLeft(_logger, exception); // another file in it: kept, and so is its lock file
                }
            }
        }
    }
}
