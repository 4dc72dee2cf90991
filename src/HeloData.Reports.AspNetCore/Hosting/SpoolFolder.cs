using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Where this receiver spools delivery bodies: <c>{TemporaryDirectory}/helodata-webhook-spool-{uid}/{instance}/</c>,
/// a folder of its own (mode 0700, files 0600), marked as alive by a lock on <c>{instance}.owner</c> beside it. The
/// root must be a real directory, owned by this user, mode 0700; the receiver does not start otherwise.
/// </summary>
/// <remarks>
/// A receiver killed mid-body leaves its spool files behind. At start-up, each instance folder whose owner
/// lock can be taken belonged to a receiver that is gone (the operating system drops a dead process's
/// locks), so its <c>*.spool</c> files are deleted; a folder of a live receiver, or any other file, is never touched.
/// </remarks>
internal sealed class SpoolFolder : IDisposable
{
    /// <summary>
    /// The root's name: per user on Unix (<c>helodata-webhook-spool-{uid}</c>), since the default temp folder is
    /// shared by every user there; on Windows the temp folder is per user already.
    /// </summary>
    internal static readonly string RootName = FileKinds.CurrentUserId() is { } uid
        ? "helodata-webhook-spool-" + uid.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "helodata-webhook-spool";

    internal const string FileExtension = ".spool";
    private const string OwnerExtension = ".owner";

    private readonly FileStream _owner;
    private readonly ILogger _logger;
    private int _disposed;

    public SpoolFolder(IOptions<ReportWebhookOptions> options, ILogger<ReportWebhookEndpoint> logger, IHostApplicationLifetime? lifetime = null)
    {
        _logger = logger;
        Root = Path.GetFullPath(Path.Combine(options.Value.TemporaryDirectory ?? Path.GetTempPath(), RootName));
        var instance = Guid.NewGuid().ToString("N");
        Folder = Path.Combine(Root, instance);
        try
        {
            PrivateFiles.CreateFolder(Root);
            CheckPrivate(Root);
            SweepLeftovers();

            // The lock first, then the folder: a folder whose owner file is missing or locked is never swept.
            _owner = new FileStream(Path.Combine(Root, instance + OwnerExtension), PrivateFiles.Options(FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
            PrivateFiles.CreateFolder(Folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The webhook spool folder {Root} cannot be used ({exception.Message}); set {nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.TemporaryDirectory)} to a folder this process can write.",
                exception);
        }

        // An app that is stopped but never disposed (a sample's StopAsync) still leaves its folder clean.
        lifetime?.ApplicationStopped.Register(Dispose);
    }

    /// <summary>The folder every receiver using this <see cref="ReportWebhookOptions.TemporaryDirectory"/> spools under.</summary>
    public string Root { get; }

    /// <summary>This instance's own folder.</summary>
    public string Folder { get; }

    /// <summary>A new spool file's name in this instance's folder (not created yet).</summary>
    public string NewFilePath() => Path.Combine(Folder, Guid.NewGuid().ToString("N") + FileExtension);

    /// <summary>Deletes a spool file, if it is there; a failure is logged, never thrown, so an answer is never lost to it.</summary>
    public void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WebhookLog.TemporaryFileLeft(_logger, exception);
        }
    }

    /// <summary>Removes this instance's folder (when empty) and then its owner file (else keeps it, for the next start's sweep); called when the app stops, and again, harmlessly, when it is disposed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        bool removed;
        try
        {
            // The folder while the lock is still held, so no other receiver sweeps it meanwhile.
            Directory.Delete(Folder, recursive: false);
            removed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still open (a handler outliving the app): the lock is dropped, and the owner file kept, so
            // the next start finds the folder by it and sweeps it (a sweep only looks at owner files).
            removed = false;
        }

        _owner.Dispose();
        if (!removed)
        {
            return;
        }

        try
        {
            File.Delete(_owner.Name);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WebhookLog.TemporaryFileLeft(_logger, exception);
        }
    }

    private void SweepLeftovers()
    {
        foreach (var ownerFile in Directory.EnumerateFiles(Root, "*" + OwnerExtension))
        {
            var folder = Path.Combine(Root, Path.GetFileNameWithoutExtension(ownerFile));
            FileStream owner;
            try
            {
                owner = new FileStream(ownerFile, PrivateFiles.Options(FileMode.Open, FileAccess.ReadWrite, FileShare.None));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // a live receiver holds it (or it is not ours to open)
            }

            using (owner)
            {
                try
                {
                    var left = SweepFolder(folder);
                    if (left > 0)
                    {
                        WebhookLog.SpoolSwept(_logger, left, folder);
                    }

                    if (!Directory.Exists(folder))
                    {
                        File.Delete(ownerFile);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    WebhookLog.TemporaryFileLeft(_logger, exception);
                }
            }
        }
    }

    /// <summary>Deletes a dead instance's spool files, and its folder once empty; returns how many files it deleted.</summary>
    private static int SweepFolder(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return 0; // a link is followed by no sweep: it could point anywhere
        }

        var deleted = 0;
        foreach (var file in info.EnumerateFiles("*" + FileExtension))
        {
            file.Delete(); // a link named *.spool is removed itself, never what it points at
            deleted++;
        }

        if (!info.EnumerateFileSystemInfos().Any())
        {
            info.Delete();
        }

        return deleted;
    }

    /// <summary>Refuses a root that is not this user's alone (<see cref="PrivateFolder"/>).</summary>
    private static void CheckPrivate(string root)
    {
        if (PrivateFolder.WhyNotPrivate(root) is { } problem)
        {
            throw new InvalidOperationException(
                $"The webhook spool folder {root} is not private to this user: {problem}. Remove it, or set {nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.TemporaryDirectory)} to a folder of this user's.");
        }
    }
}
