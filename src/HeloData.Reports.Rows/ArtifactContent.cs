namespace HeloData.Reports.Rows;

/// <summary>
/// An artifact's content from its first byte, with gzip layers taken off whatever the headers said
/// (the first two bytes <c>1f 8b</c> decide), and its first bytes known, to tell its format. Disposing
/// it disposes what it wrapped around the source, and the source unless the caller keeps it open.
/// </summary>
internal sealed class ArtifactContent : IAsyncDisposable
{
    // Enough to see gzip's and parquet's magic numbers and the start of an HTML page.
    private const int HeadLength = 64;

    // A file gzipped on purpose and gzipped again by the host (Content-Encoding) is two layers; more is not an artifact.
    private const int MaxLayers = 3;

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

    /// <summary>The content's first bytes (fewer when it is shorter).</summary>
    public ReadOnlyMemory<byte> Head { get; private set; }

    /// <summary>Whether <see cref="Stream"/> is the caller's own seekable stream at offset 0, so parquet can be read in place, without a copy.</summary>
    public bool SeekableFromStart { get; private set; }

    public static async ValueTask<ArtifactContent> OpenAsync(Stream source, bool leaveOpen, CancellationToken cancellationToken)
    {
        var content = new ArtifactContent(source, leaveOpen);
        try
        {
            await content.PeekAsync(cancellationToken).ConfigureAwait(false);
            for (var layer = 0; IsGzip(content.Head.Span); layer++)
            {
                if (layer == MaxLayers)
                {
                    throw new InvalidDataException($"The artifact is gzip-compressed more than {MaxLayers} times over.");
                }

                content.Wrap(new CheckedGzipStream(content.Stream));
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

    private static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

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

        // A download or a decompressor: what was read is given back first.
        var read = await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        Head = head.AsMemory(0, read);
        Wrap(new ReplayStream(Head, stream));
        SeekableFromStart = false;
    }

    private void Wrap(Stream wrapper)
    {
        _wrappers.Add(wrapper);
        Stream = wrapper;
        SeekableFromStart = false;
    }
}
