using System.Globalization;

namespace HeloData.Reports;

/// <summary>
/// Where a process spools content while its code reads it: <c>{temp}/{name}-{uid}/{life}/</c>, a folder of this
/// process's life (0700, files 0600), whose life is marked by a lock held on <c>{life}.lock</c> beside it. The root
/// must be this user's alone (<see cref="PrivateFolder"/>). One mechanism for the collector and the receiver, each
/// naming its root, its setting and its log lines (shared source, linked into each, and into the core's tests).
/// </summary>
/// <remarks>
/// At start, each life whose lock can be taken belonged to a process that is gone (the operating system drops a dead
/// process's locks): its <c>*.spool</c> files, then its folder once empty, then its lock file are deleted; nothing else.
/// On Unix a lock file is created, then locked: a sweep finding it in between locks and deletes it, so a new life checks
/// its lock file is still there once locked (else takes another name), and makes its folder only then.
/// </remarks>
internal class SpoolFolder : IDisposable
{
    internal const string FileExtension = ".spool";
    internal const string LockExtension = ".lock";

    private const int LifeAttempts = 5; // each lost only to a sweep in the instant between a creation and its lock

    private readonly FileStream _lock;
    private readonly Action<Exception> _fileLeft;
    private int _disposed;

    /// <summary>
    /// Checks the <paramref name="root"/> (<see cref="RootFor"/>), sweeps dead lives' leftovers and starts this life;
    /// throws <see cref="InvalidOperationException"/> naming <paramref name="setting"/> when the root cannot be used.
    /// <paramref name="fileLeft"/> logs a file that could not be deleted, <paramref name="swept"/> a dead life's files
    /// deleted; <paramref name="createLock"/> creates and locks a lock file (a test plays a racing sweep with it).
    /// </summary>
    public SpoolFolder(string root, string setting, Action<Exception> fileLeft, Action<int, string> swept, Func<string, FileStream>? createLock = null)
    {
        _fileLeft = fileLeft;
        Root = root;
        try
        {
            PrivateFiles.CreateFolder(Root);
            if (PrivateFolder.WhyNotPrivate(Root) is { } problem)
            {
                throw new InvalidOperationException($"The spool folder {Root} is not private to this user: {problem}. Remove it, or set {setting} to a folder of this user's.");
            }

            SpoolSweep.Run(Root, LockExtension, FileExtension, fileLeft, swept);
            (_lock, Folder) = StartLife(createLock ?? CreateLock);
            PrivateFiles.CreateFolder(Folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The spool folder {Root} cannot be used ({exception.Message}); set {setting} to a folder this process can write.", exception);
        }
    }

    /// <summary>The folder every process with this temporary directory spools under.</summary>
    public string Root { get; }

    /// <summary>This life's own folder.</summary>
    public string Folder { get; }

    /// <summary>The root's name for <paramref name="name"/>: per user on Unix (<c>{name}-{uid}</c>), since the default temp folder is shared by every user there.</summary>
    public static string RootName(string name) => FileKinds.CurrentUserId() is { } uid ? name + "-" + uid.ToString(CultureInfo.InvariantCulture) : name;

    /// <summary>The root for <paramref name="name"/> in <paramref name="temporaryDirectory"/> (the system's temp folder by default).</summary>
    public static string RootFor(string? temporaryDirectory, string name) => Path.GetFullPath(Path.Combine(temporaryDirectory ?? Path.GetTempPath(), RootName(name)));

    /// <summary>A new spool file's name in this life's folder (not created yet).</summary>
    public string NewFilePath() => Path.Combine(Folder, Guid.NewGuid().ToString("N") + FileExtension);

    /// <summary>Creates a new, empty spool file (0600) and opens it for writing.</summary>
    public FileStream Create() => new(NewFilePath(), PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.Read, FileOptions.Asynchronous));

    /// <summary>Deletes a spool file, if it is there; a failure is logged, never thrown (the next start's sweep deletes it).</summary>
    public void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _fileLeft(exception);
        }
    }

    /// <summary>Removes this life's folder when empty, then its lock file; a folder still holding files keeps its lock file for the next start's sweep. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        bool removed;
        try
        {
            // The folder while the lock is still held, so no other process sweeps it meanwhile.
            Directory.Delete(Folder, recursive: false);
            removed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            removed = false; // a file still open: the lock file stays, and the next start sweeps the folder by it
        }

        _lock.Dispose();
        if (removed)
        {
            Delete(_lock.Name);
        }

        GC.SuppressFinalize(this);
    }

    private static FileStream CreateLock(string path) => new(path, PrivateFiles.Options(FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));

    // A new life's lock file, created, locked, and still in place once locked (see the remarks).
    private (FileStream Lock, string Folder) StartLife(Func<string, FileStream> createLock)
    {
        for (var attempt = 1; ; attempt++)
        {
            var life = Guid.NewGuid().ToString("N");
            var path = Path.Combine(Root, life + LockExtension);
            FileStream held;
            try
            {
                held = createLock(path);
            }
            catch (IOException) when (attempt < LifeAttempts)
            {
                continue; // a sweep locked the new file first, and deletes it
            }

            if (File.Exists(path))
            {
                return (held, Path.Combine(Root, life));
            }

            // A sweep locked and deleted it before this process's lock: held, it marks nothing a sweep can find.
            held.Dispose();
            if (attempt == LifeAttempts)
            {
                throw new IOException($"Sweeps of {Root} deleted {LifeAttempts} new lock files in a row.");
            }
        }
    }
}
