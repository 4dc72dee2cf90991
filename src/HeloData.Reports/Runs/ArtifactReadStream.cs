using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// What <c>OpenReadAsync</c> hands over: the artifact's content (decompressed, checked), read on from the
/// stream below, with <see cref="Position"/> the count of content bytes read so far. Content that is not
/// what it claims (damaged or cut gzip, found by <see cref="CheckedGzipStream"/>) fails as every other
/// failed call does, with <see cref="ReportsException"/> (<see cref="ReportsErrorCode.InvalidResponse"/>)
/// naming the run; a body cut in transit is already <see cref="ReportsErrorCode.DownloadIncomplete"/>
/// from the download below, and passes through as it is.
/// </summary>
internal sealed class ArtifactReadStream(Stream content, string runId, int status) : ForwardOnlyStream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>Takes gzip off <paramref name="download"/> (<see cref="GzipLayers"/>); owns it from here on, and disposes it when opening fails.</summary>
    public static async Task<Stream> OpenAsync(DownloadStream download, string runId, CancellationToken cancellationToken)
    {
        try
        {
            return new ArtifactReadStream(await GzipLayers.OpenAsync(download, leaveOpen: false, cancellationToken).ConfigureAwait(false), runId, download.Status);
        }
        catch (InvalidDataException exception)
        {
            // Damaged gzip found in the first bytes of a layer below the first, or a fourth layer.
            throw Damaged(runId, download.Status, exception);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _read += count;
            return count;
        }
        catch (InvalidDataException exception)
        {
            throw Damaged(runId, status, exception);
        }
    }

    // Passed down as it is: the download below refuses it (a network body read synchronously would block a thread).
    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            var read = content.Read(buffer, offset, count);
            _read += read;
            return read;
        }
        catch (InvalidDataException exception)
        {
            throw Damaged(runId, status, exception);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            content.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ReportsException Damaged(string runId, int status, InvalidDataException exception) =>
        new($"Run {runId}'s artifact could not be read: {ValueText.Escape(exception.Message)}", ReportsErrorCode.InvalidResponse, status, runId: runId, innerException: exception);
}
