using static HeloData.Reports.PathMessages;

namespace HeloData.Reports;

/// <summary>
/// A path a user named for the SDK to write, checked before anything is fetched, and written so that
/// nothing the SDK did not create is deleted or replaced:
/// <list type="bullet">
/// <item>no file, or a regular file: written whole or not at all (<see cref="AtomicFile"/>);</item>
/// <item>a symlink (or a chain of them): the same, for the file the chain ends at (followed as the
/// kernel follows it, <see cref="LinkChain"/>), in that file's folder; the link stays a link;</item>
/// <item>a character device, a FIFO, a socket, or anything reached through an open descriptor
/// (<c>/dev/stdout</c>, <c>/proc/PID/fd/N</c>): written in place, never replaced (<see cref="InPlaceTarget"/>);</item>
/// <item>a directory, a block device, a folder that does not exist or cannot be written: an
/// <see cref="ArgumentException"/> naming the path, before any request.</item>
/// </list>
/// </summary>
/// <remarks>
/// One implementation for every writer of a user-named path: the client's <c>DownloadToFileAsync</c>,
/// compiled into HeloData.Reports.AspNetCore (<c>ReportDelivery.SaveToAsync</c>) and the CLI (checks
/// before a run starts) as linked files (the whole <c>Files/</c> folder), so all three treat a target alike.
/// </remarks>
internal sealed class FileTarget
{
    private readonly LinkChain.Descriptor? _descriptor;

    private FileTarget(string path, string writePath, FileKind kind, LinkChain.Descriptor? descriptor = null)
    {
        Path = path;
        WritePath = writePath;
        Kind = kind;
        _descriptor = descriptor;
    }

    /// <summary>The path as named, made full.</summary>
    public string Path { get; }

    /// <summary>Where the bytes go: for a file to create or replace, the file its symlinks lead to (else <see cref="Path"/>); for a device, FIFO or socket, where its symlinks lead (opening it follows the rest); for a descriptor link, the <c>/proc/PID/fd/N</c> hop.</summary>
    public string WritePath { get; }

    /// <summary><see cref="FileKind.None"/>, <see cref="FileKind.Regular"/>, <see cref="FileKind.CharacterDevice"/>, <see cref="FileKind.Fifo"/> or <see cref="FileKind.Socket"/>.</summary>
    public FileKind Kind { get; }

    /// <summary>
    /// Written in place (a device, a FIFO, a socket, or anything reached through an open descriptor
    /// such as <c>/dev/stdout</c>): what was written cannot be taken back, so a write is never started again.
    /// </summary>
    public bool InPlace => _descriptor is not null || Kind is FileKind.CharacterDevice or FileKind.Fifo or FileKind.Socket;

    /// <summary>
    /// Checks <paramref name="path"/> without opening it (so a FIFO with no reader does not block
    /// here): what it is, where its symlinks lead, and, for a file to be created or replaced, that its
    /// folder exists and takes a new file.
    /// </summary>
    /// <param name="path">The path to check.</param>
    /// <param name="paramName">The parameter the path came in, for the exception; <see langword="null"/> for a message without one (the CLI).</param>
    /// <exception cref="ArgumentException">The path is blank or malformed, names a directory or a block device, its links cannot be followed, or its folder does not exist or cannot be written.</exception>
    /// <param name="temporaryTag">Tags the temporary files (see <see cref="AtomicFile.WriteAsync"/>); <see langword="null"/> for none.</param>
    public static FileTarget Inspect(string? path, string? paramName, string? temporaryTag = null)
    {
        var target = Classify(path, paramName);
        if (target.InPlace)
        {
            return target;
        }

        var folder = System.IO.Path.GetDirectoryName(target.WritePath);
        if (folder is null || !Directory.Exists(folder))
        {
            throw FolderMissing(path!, target.Path, target.WritePath, paramName);
        }

        AtomicFile.CheckWritable(folder, paramName, temporaryTag);
        return target;
    }

    /// <summary>Whether a write to <paramref name="path"/> goes in place (see <see cref="InPlace"/>); <see langword="false"/> for a path <see cref="Inspect"/> refuses.</summary>
    public static bool WritesInPlace(string path)
    {
        try
        {
            return Classify(path, paramName: null).InPlace;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // What the path is and where it leads, without opening or creating anything.
    private static FileTarget Classify(string? path, string? paramName)
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The path is blank.", paramName);
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"The path {Quote(path)} is not a valid file path: {exception.Message}", paramName, exception);
        }

        if (System.IO.Path.EndsInDirectorySeparator(path) || Directory.Exists(full))
        {
            throw NamesADirectory(path, paramName);
        }

        // The type as the kernel sees it, through every link: /dev/stdout leads through /proc/self/fd/1 to
        // "pipe:[N]", a name no path walk can follow, yet stat(2) and open(2) reach the pipe.
        var kind = FileKinds.Of(full);
        switch (kind)
        {
            case FileKind.Directory:
                throw NamesADirectory(path, paramName);
            case FileKind.BlockDevice or FileKind.Other:
                throw new ArgumentException(
                    $"The path {Quote(path)} names a {(kind == FileKind.BlockDevice ? "block device" : "special file")}; an artifact is written to a file, a character device, a FIFO or a socket.",
                    paramName);
        }

        var (writePath, descriptor) = FinalTarget(full, path, paramName);
        if (descriptor is null)
        {
            return new FileTarget(full, writePath, kind);
        }

        // An open descriptor (/dev/stdout, /proc/PID/fd/N): whatever it is (a file a shell opened for
        // `>> all.csv`, a pipe, a socket), it is someone's open file, written into, never replaced.
        if (kind == FileKind.None)
        {
            throw new ArgumentException($"The path {Quote(path)} leads to {Quote(writePath)}, a descriptor that is not open.", paramName);
        }

        if (kind == FileKind.Socket && !descriptor.IsOwnStandardOutputOrError)
        {
            throw new ArgumentException($"The path {Quote(path)} leads to {Quote(writePath)}, a socket held by a descriptor, which only this process's standard output or error can be written to.", paramName);
        }

        return new FileTarget(full, writePath, kind, descriptor);
    }

    /// <summary>
    /// Runs <paramref name="write"/> against the target: a temporary file moved into place when it
    /// returns (<see cref="AtomicFile"/>), or the device, FIFO or socket itself, opened only now
    /// (<see cref="InPlaceTarget"/>: a FIFO's open waits for a reader, as <c>cat &gt; fifo</c> does;
    /// <paramref name="cancellationToken"/> ends that wait).
    /// After a failure or a cancellation no temporary file is left and the file named is as it was.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken, string? temporaryTag = null)
    {
        if (!InPlace)
        {
            return await AtomicFile.WriteAsync(WritePath, keepMode: Kind == FileKind.Regular, write, cancellationToken, temporaryTag).ConfigureAwait(false);
        }

        var stream = await InPlaceTarget.OpenAsync(Path, WritePath, Kind, _descriptor, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var written = await write(stream, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
    }

    /// <inheritdoc />
    public override string ToString() => WritePath == Path ? $"{Path} ({Kind})" : $"{Path} → {WritePath} ({Kind})";

    // The file a chain of symlinks ends at (which need not exist yet), or the descriptor link that ends it.
    private static (string WritePath, LinkChain.Descriptor? Descriptor) FinalTarget(string full, string path, string? paramName)
    {
        try
        {
            var (writePath, descriptor, folderMissing) = LinkChain.Follow(full);
            if (folderMissing)
            {
                throw FolderMissing(path, full, writePath, paramName);
            }

            return (writePath, descriptor);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Unauthorized: a folder on the way that cannot be searched, or a link that cannot be read.
            throw new ArgumentException($"The path {Quote(path)} cannot be followed to a file: {Reason(exception)}.", paramName, exception);
        }
    }
}
