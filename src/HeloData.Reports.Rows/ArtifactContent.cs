namespace HeloData.Reports.Rows;

/// <summary>
/// An artifact's content from its first byte, with gzip layers taken off whatever the headers said
/// (<see cref="GzipLayers"/>), and its first bytes known, to tell its format. Disposing
/// it disposes what it wrapped around the source, and the source unless the caller keeps it open.
/// </summary>
internal sealed class ArtifactContent : IAsyncDisposable
{
    // Enough to see gzip's and parquet's magic numbers and the start of an HTML page.
    private const int HeadLength = 64;

    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly List<Stream> _wrappers = [];

    private ArtifactContent(Stream source, bool leaveOpen)
    {
        _source = source;
        _leaveOpen = leaveOpen;
        Stream = source;
    }

    /// <summary>The content, decompressed, from its first byte.</summary>
    public Stream Stream { get; private set; }

    /// <summary>
    /// The content's first bytes: <see cref="HeadLength"/> of them, or up to the line break that ends its
    /// first line, or all of it when it is shorter; empty for empty content.
    /// </summary>
    public ReadOnlyMemory<byte> Head { get; private set; }

    /// <summary>Whether <see cref="Stream"/> is the caller's own seekable stream at offset 0, so parquet can be read in place, without a copy.</summary>
    public bool SeekableFromStart { get; private set; }

    public static async ValueTask<ArtifactContent> OpenAsync(Stream source, bool leaveOpen, CancellationToken cancellationToken)
    {
        var content = new ArtifactContent(source, leaveOpen);
        try
        {
            await content.PeekAsync(cancellationToken).ConfigureAwait(false);
            if (GzipLayers.IsGzip(content.Head.Span))
            {
                // Left open: the wrappers below are this content's to dispose.
                content.Wrap(await GzipLayers.OpenAsync(content.Stream, leaveOpen: true, cancellationToken).ConfigureAwait(false));
                await content.PeekAsync(cancellationToken).ConfigureAwait(false);
            }

            return content;
        }
        catch
        {
            await content.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        for (var i = _wrappers.Count - 1; i >= 0; i--)
        {
            _wrappers[i].Dispose();
        }

        return _leaveOpen ? ValueTask.CompletedTask : _source.DisposeAsync();
    }

    private async Task PeekAsync(CancellationToken cancellationToken)
    {
        var head = new byte[HeadLength];
        var stream = Stream;
        if (stream.CanSeek)
        {
            // A file: look, then step back.
            var start = stream.Position;
            var seen = await stream.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            stream.Position = start;
            Head = head.AsMemory(0, seen);
            SeekableFromStart = start == 0;
            return;
        }

        // A download or a decompressor: what was read is given back first. Its reads may come in any
        // sizes (a replayed head, a slow pipe, one byte at a time), so the head is read on until it holds
        // all it can tell: not until a fixed count, which would make the format depend on chunk sizes.
        var read = 0;
        while (read < HeadLength && !IsSettled(head.AsSpan(0, read)))
        {
            var count = await stream.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        Head = head.AsMemory(0, read);
        Wrap(new ReplayStream(Head, stream, leaveOpen: true));
        SeekableFromStart = false;
    }

    // gzip's magic is all a compressed head needs; otherwise the format rule's whole first line.
    private static bool IsSettled(ReadOnlySpan<byte> head) => GzipLayers.IsGzip(head) || ArtifactFormat.HeadIsComplete(head);

    private void Wrap(Stream wrapper)
    {
        _wrappers.Add(wrapper);
        Stream = wrapper;
        SeekableFromStart = false;
    }
}
