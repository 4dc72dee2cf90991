using System.Buffers;
using HeloData.Reports.Models;

namespace HeloData.Reports;

/// <summary>
/// The artifact's body as it streams in. A body cut short (a dropped connection, or fewer bytes than
/// <c>Content-Length</c> promised) throws <see cref="ReportsException"/> with
/// <see cref="ReportsErrorCode.DownloadIncomplete"/> rather than ending quietly; a read the host leaves
/// waiting longer than the idle timeout throws one with <see cref="ReportsErrorCode.Timeout"/>.
/// Disposing it releases the HTTP response.
/// </summary>
internal sealed class DownloadStream : ForwardOnlyStream
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly string _runId;
    private readonly IdleTimer _idle;
    private long _read;

    private DownloadStream(HttpResponseMessage response, Stream body, string runId, IdleTimer idle)
    {
        _response = response;
        _body = body;
        _runId = runId;
        _idle = idle;
        ExpectedLength = response.Content.Headers.ContentLength;
    }

    /// <summary>The artifact's size when the host sent <c>Content-Length</c>; otherwise unknown, as for any unseekable stream.</summary>
    public override long Length => ExpectedLength ?? throw new NotSupportedException("The download host did not send Content-Length.");

    public long? ExpectedLength { get; }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public long BytesRead => _read;

    public int Status => (int)_response.StatusCode;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override long Position => _read;

    /// <summary>Wraps an answered response; the stream owns <paramref name="response"/> and <paramref name="idle"/> from here on.</summary>
    public static async Task<DownloadStream> OpenAsync(HttpResponseMessage response, string runId, IdleTimer idle, CancellationToken cancellationToken)
    {
        try
        {
            EnsureKnownEncoding(response, runId);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new DownloadStream(response, body, runId, idle);
        }
        catch
        {
            idle.Dispose();
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The download client asks for no content coding and decodes none: a gzip body is taken off by
    /// its first bytes when the artifact is opened to be read (OpenReadAsync, and so the rows), and saved
    /// as sent by a download. Any other coding (<c>br</c>,
    /// <c>zstd</c>, <c>deflate</c>) would come out as compressed bytes under the artifact's name, so it
    /// is refused, named, before a byte is read.
    /// </summary>
    private static void EnsureKnownEncoding(HttpResponseMessage response, string runId)
    {
        foreach (var coding in response.Content.Headers.ContentEncoding)
        {
            if (!coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)
                && !coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                throw new ReportsException(
                    $"Download of run {runId} failed: the download host sent the artifact with Content-Encoding '{ValueText.Escape(coding)}', which the SDK does not decode (it reads gzip and identity, and asks for no coding).",
                    ReportsErrorCode.InvalidResponse,
                    (int)response.StatusCode,
                    runId: runId);
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            count = await _body.ReadAsync(buffer, _idle.Start(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (_idle.Fired && !cancellationToken.IsCancellationRequested)
        {
            throw IdleTimer.Expired(_runId, $"the download host sent nothing for {_idle.Limit.TotalSeconds:0.###} s after {_read} bytes", exception);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw Incomplete($"the connection dropped after {_read} bytes", exception);
        }
        finally
        {
            _idle.Stop();
        }

        _read += count;

        // Counted here, where every reader's bytes pass (OpenReadAsync's callers as well as the copy loop), and only here.
        ReportsInstrumentation.RecordDownloaded(count);
        if (count == 0 && buffer.Length > 0 && ExpectedLength is { } expected && _read != expected)
        {
            throw Incomplete($"{_read} of {expected} bytes arrived", null);
        }

        return count;
    }

    // A network body read synchronously would block a thread for as long as the host stays silent.
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The artifact's stream is read asynchronously: use ReadAsync, CopyToAsync or StreamReader.ReadLineAsync.");

    /// <summary>Copies the rest of the artifact into <paramref name="destination"/> through one pooled buffer, reporting progress.</summary>
    public async Task<DownloadResult> CopyWithProgressAsync(Stream destination, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int count;
            while ((count = await ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                progress?.Report(new DownloadProgress(_read, ExpectedLength));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new DownloadResult(_runId, _read, ContentType);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
            _idle.Dispose();
        }

        base.Dispose(disposing);
    }

    private ReportsException Incomplete(string what, Exception? cause) =>
        new($"Download of run {_runId} failed: {what}.", ReportsErrorCode.DownloadIncomplete, (int)_response.StatusCode, runId: _runId, innerException: cause);
}
