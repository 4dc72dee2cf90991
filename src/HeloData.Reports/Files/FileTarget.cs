using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace HeloData.Reports;

/// <summary>
/// A path a user named for the SDK to write, checked before anything is fetched, and written so that
/// nothing the SDK did not create is deleted or replaced:
/// <list type="bullet">
/// <item>no file, or a regular file: the bytes go to a temporary file beside it (a short name, mode
/// 0600 on Unix), which replaces it by an atomic rename only once complete and flushed to disk; a
/// replaced file keeps its permissions;</item>
/// <item>a symlink (or a chain of them): the same, for the file the chain ends at (followed as the
/// kernel follows it, <see cref="LinkChain"/>), in that file's folder; the link stays a link;</item>
/// <item>anything reached through an open descriptor (<c>/dev/stdout</c>, <c>/proc/PID/fd/N</c>):
/// written in place, through this process's own descriptor for its stdout and stderr, else opened again
/// and added to at its end; never replaced;</item>
/// <item>a character device, a FIFO or a socket: the bytes are written into it in place, as they
/// come; it is never deleted or replaced;</item>
/// <item>a directory, a block device, a folder that does not exist or cannot be written: an
/// <see cref="ArgumentException"/> naming the path, before any request.</item>
/// </list>
/// </summary>
/// <remarks>
/// One implementation for every writer of a user-named path: the client's <c>DownloadToFileAsync</c>,
/// compiled into HeloData.Reports.AspNetCore (<c>ReportDelivery.SaveToAsync</c>) and the CLI (checks
/// before a run starts) as a linked file, so all three treat a target alike.
/// </remarks>
internal sealed class FileTarget
{
    /// <summary>Every temporary file (and writability probe) a writer leaves is named <c>.hd-{16 hex}.partial</c>: short, and easy for a sweep to know.</summary>
    internal const string TemporaryPrefix = ".hd-";

    /// <inheritdoc cref="TemporaryPrefix"/>
    internal const string TemporarySuffix = ".partial";

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
    public static FileTarget Inspect(string? path, string? paramName)
    {
        var target = Classify(path, paramName);
        if (target.InPlace)
        {
            return target;
        }

        var folder = System.IO.Path.GetDirectoryName(target.WritePath);
        if (folder is null || !Directory.Exists(folder))
        {
            var leadsTo = target.WritePath == target.Path ? string.Empty : $" (where its link leads: {Quote(target.WritePath)})";
            throw new ArgumentException($"The folder {Quote(folder ?? target.WritePath)} of the path {Quote(path!)}{leadsTo} does not exist; create it first.", paramName);
        }

        CheckWritable(folder, paramName);
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
    /// Checks that a new file can be created in <paramref name="folder"/>, by creating one and deleting
    /// it: the one test that answers as the real write will, whatever decides it (permissions, ACLs, a
    /// read-only mount, an immutable folder, being root).
    /// </summary>
    /// <exception cref="ArgumentException">It cannot.</exception>
    public static void CheckWritable(string folder, string? paramName)
    {
        var probe = System.IO.Path.Combine(folder, TemporaryName());
        try
        {
            using (new FileStream(probe, CreateOptions(FileOptions.DeleteOnClose)))
            {
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The folder {Quote(folder)} cannot be written to ({Reason(exception)}), so no file can be saved there; choose another folder or change its permissions.", paramName, exception);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> against the target: a temporary file moved into place when it
    /// returns, or the device, FIFO or socket itself, opened only now (a FIFO's open waits for a
    /// reader, as <c>cat &gt; fifo</c> does; <paramref name="cancellationToken"/> ends that wait).
    /// After a failure or a cancellation no temporary file is left and the file named is as it was.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (InPlace)
        {
            var stream = await OpenInPlaceAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var written = await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                return written;
            }
        }

        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(WritePath)!, TemporaryName());
        try
        {
            T result;
            var file = new FileStream(temporary, CreateOptions(FileOptions.Asynchronous));
            await using (file.ConfigureAwait(false))
            {
                result = await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);

                // On disk before the rename: after a power cut the name holds the old bytes or all the new ones.
                file.Flush(flushToDisk: true);
            }

            KeepPermissions(temporary);
            File.Move(temporary, WritePath, overwrite: true);
            return result;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => WritePath == Path ? $"{Path} ({Kind})" : $"{Path} → {WritePath} ({Kind})";

    private static ArgumentException NamesADirectory(string path, string? paramName) =>
        new($"The path {Quote(path)} names a directory; give the file to write, such as {Quote(System.IO.Path.Combine(path, "report.csv"))}.", paramName);

    // The file a chain of symlinks ends at (which need not exist yet), or the descriptor link that ends it.
    private static (string WritePath, LinkChain.Descriptor? Descriptor) FinalTarget(string full, string path, string? paramName)
    {
        try
        {
            var (writePath, descriptor, folderMissing) = LinkChain.Follow(full);
            if (folderMissing)
            {
                var leadsTo = writePath == full ? string.Empty : $" (where its link leads: {Quote(writePath)})";
                throw new ArgumentException($"The folder {Quote(System.IO.Path.GetDirectoryName(writePath) ?? writePath)} of the path {Quote(path)}{leadsTo} does not exist; create it first.", paramName);
            }

            return (writePath, descriptor);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Unauthorized: a folder on the way that cannot be searched, or a link that cannot be read.
            throw new ArgumentException($"The path {Quote(path)} cannot be followed to a file: {Reason(exception)}.", paramName, exception);
        }
    }

    // Why a new file was refused, without the probe's own name (which the user never chose).
    private static string Reason(Exception exception)
    {
        if (exception is UnauthorizedAccessException)
        {
            return "permission denied";
        }

        // .NET words an errno on Unix as "{strerror} : '{path}'".
        var message = exception.Message;
        var path = message.IndexOf(" : '", StringComparison.Ordinal);
        return path > 0 ? message[..path] : message;
    }

    private static string TemporaryName() =>
        string.Create(CultureInfo.InvariantCulture, $"{TemporaryPrefix}{Random.Shared.NextInt64():x16}{TemporarySuffix}");

    // Nobody else reads a half-written artifact (a report may hold invoices).
    private static FileStreamOptions CreateOptions(FileOptions options) =>
        PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.None, options);

    // A file that is replaced keeps its mode (a group that could read it still can); a new one stays 0600.
    private void KeepPermissions(string temporary)
    {
        if (!OperatingSystem.IsWindows() && Kind == FileKind.Regular && File.Exists(WritePath))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(WritePath));
        }
    }

    private async Task<Stream> OpenInPlaceAsync(CancellationToken cancellationToken)
    {
        if (_descriptor is { IsOwnStandardOutputOrError: true })
        {
            // The very descriptor (a duplicate of it, written with write(2)), not the file it names
            // opened again: `>> all.csv` keeps appending, `> log 2>&1` keeps one offset for both, a
            // socket (the systemd journal) is written as it is.
            return _descriptor.Number == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
        }

        if (Kind == FileKind.Socket)
        {
            return await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }

        var stream = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
        {
            // A file someone else holds open, opened again: added to, never written over.
            stream.Seek(0, SeekOrigin.End);
        }

        return stream;
    }

    private async Task<FileStream> OpenAsync(CancellationToken cancellationToken)
    {
        // Open, not create or truncate: the node stays what it is. A FIFO's open blocks until a reader
        // opens the other end, so it runs off the caller's thread and the caller's token ends the wait;
        // an open abandoned that way is closed as soon as it completes.
        var opening = Task.Run(
            () => new FileStream(WritePath, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 0 }),
            CancellationToken.None);
        try
        {
            return await opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _ = opening.ContinueWith(static opened => opened.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            ReleaseAbandonedOpen(opening);
            throw;
        }
    }

    // A FIFO's open with no reader would wait for ever, holding a thread. Opening the FIFO here for
    // reading and writing (which on Linux and macOS never waits) is the reader it waits for: it
    // completes, and both are closed. A reader that comes later sees an empty write, then the end.
    private void ReleaseAbandonedOpen(Task<FileStream> opening)
    {
        if (Kind != FileKind.Fifo || opening.IsCompleted)
        {
            return;
        }

        FileStream reader;
        try
        {
            reader = new FileStream(WritePath, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite, BufferSize = 0 });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // Gone or replaced meanwhile: nothing this process can open is what the open waits for.
        }

        _ = opening.ContinueWith(_ => reader.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private async Task<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(WritePath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new IOException($"The socket {Quote(Path)} takes no stream connection: {exception.Message}", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Control characters escaped, so a message stays on one line and shows exactly what was named.
    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
