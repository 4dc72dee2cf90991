namespace HeloData.Reports;

/// <summary>
/// Takes gzip off an artifact's stream: its first two bytes <c>1f 8b</c> decide, whatever the headers
/// said, so <c>Content-Encoding: gzip</c>, a <c>.csv.gz</c> file and a bare gzip body go the same way.
/// Each layer is read by <see cref="CheckedGzipStream"/> (CRC-32 and length of every member checked).
/// Shared by the client's <c>OpenReadAsync</c> and the rows' reader (linked into HeloData.Reports.Rows).
/// </summary>
internal static class GzipLayers
{
    /// <summary>A file gzipped on purpose and gzipped again by the host (Content-Encoding) is two layers; more is not an artifact.</summary>
    internal const int MaxLayers = 3;

    /// <summary>
    /// The content of <paramref name="source"/> from its current position, decompressed. Disposing what is
    /// returned disposes <paramref name="source"/> unless <paramref name="leaveOpen"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The content is gzip-compressed more than <see cref="MaxLayers"/> times over.</exception>
    public static async Task<Stream> OpenAsync(Stream source, bool leaveOpen, CancellationToken cancellationToken)
    {
        var stream = source;
        try
        {
            for (var layer = 0; ; layer++)
            {
                var head = new byte[2];
                var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                stream = new ReplayStream(head.AsMemory(0, read), stream, leaveOpen: layer == 0 && leaveOpen);
                if (!IsGzip(head.AsSpan(0, read)))
                {
                    return stream;
                }

                if (layer == MaxLayers)
                {
                    throw new InvalidDataException($"The artifact is gzip-compressed more than {MaxLayers} times over.");
                }

                stream = new CheckedGzipStream(stream, leaveOpen: false);
            }
        }
        catch
        {
            // Each wrapper disposes the one below it, down to the source unless it is to be left open.
            if (!ReferenceEquals(stream, source) || !leaveOpen)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;
}
