using System.Net.Sockets;

namespace HeloData.Reports;

/// <summary>
/// Opens what is written in place, never created, truncated or replaced: this process's own stdout or
/// stderr through its descriptor, a socket by connecting to it, a character device, a FIFO or a file
/// held by another descriptor by opening it (a file then added to at its end).
/// </summary>
internal static class InPlaceTarget
{
    /// <summary>Opens the target for writing.</summary>
    /// <param name="path">The path as named, for messages.</param>
    /// <param name="writePath">Where the bytes go (see <see cref="FileTarget.WritePath"/>).</param>
    /// <param name="kind">What <paramref name="writePath"/> is.</param>
    /// <param name="descriptor">The open descriptor the path leads through, if any.</param>
    /// <param name="cancellationToken">Ends a FIFO's wait for a reader, or a socket's connect.</param>
    public static async Task<Stream> OpenAsync(string path, string writePath, FileKind kind, LinkChain.Descriptor? descriptor, CancellationToken cancellationToken)
    {
        if (descriptor is { IsOwnStandardOutputOrError: true })
        {
            // The very descriptor (a duplicate of it, written with write(2)), not the file it names
            // opened again: `>> all.csv` keeps appending, `> log 2>&1` keeps one offset for both, a
            // socket (the systemd journal) is written as it is.
            return descriptor.Number == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
        }

        if (kind == FileKind.Socket)
        {
            return await ConnectAsync(path, writePath, cancellationToken).ConfigureAwait(false);
        }

        var stream = await OpenAsync(writePath, kind, cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
        {
            // A file someone else holds open, opened again: added to, never written over.
            stream.Seek(0, SeekOrigin.End);
        }

        return stream;
    }

    private static async Task<FileStream> OpenAsync(string writePath, FileKind kind, CancellationToken cancellationToken)
    {
        // Open, not create or truncate: the node stays what it is. A FIFO's open blocks until a reader
        // opens the other end, so it runs off the caller's thread and the caller's token ends the wait;
        // an open abandoned that way is closed as soon as it completes.
        var opening = Task.Run(
            () => new FileStream(writePath, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 0 }),
            CancellationToken.None);
        try
        {
            return await opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _ = opening.ContinueWith(static opened => opened.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            if (kind == FileKind.Fifo)
            {
                ReleaseAbandonedOpen(writePath, opening);
            }

            throw;
        }
    }

    // A FIFO's open with no reader would wait for ever, holding a thread. Opening the FIFO here for
    // reading and writing (which on Linux and macOS never waits) is the reader it waits for: it
    // completes, and both are closed. A reader that comes later sees an empty write, then the end.
    private static void ReleaseAbandonedOpen(string fifo, Task<FileStream> opening)
    {
        if (opening.IsCompleted)
        {
            return;
        }

        FileStream reader;
        try
        {
            reader = new FileStream(fifo, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite, BufferSize = 0 });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // Gone or replaced meanwhile: nothing this process can open is what the open waits for.
        }

        _ = opening.ContinueWith(_ => reader.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private static async Task<Stream> ConnectAsync(string path, string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new IOException($"The socket {PathMessages.Quote(path)} takes no stream connection: {exception.Message}", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
