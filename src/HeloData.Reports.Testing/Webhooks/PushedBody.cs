using System.Net;
using System.Security.Cryptography;
using System.Text;
using HeloData.Reports.Testing.Artifacts;

namespace HeloData.Reports.Testing.Webhooks;

/// <summary>
/// The body of a push: the artifact's bytes, or, for a row-counted artifact, the request to generate it
/// from, streamed for the signature and again for each POST (the generator gives the same bytes every time).
/// </summary>
internal sealed class PushedBody(byte[]? bytes, ArtifactRequest? generated)
{
    /// <summary>The contract's signature: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.</c> and the body.</summary>
    public async Task<string> SignAsync(byte[] key, string id, string timestamp, CancellationToken cancellationToken)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        if (bytes is not null)
        {
            hmac.AppendData(bytes);
        }
        else
        {
            await using var sink = new HashingStream(hmac);
            await ArtifactGenerator.WriteAsync(generated!, sink, cancellationToken).ConfigureAwait(false);
        }

        return "v1," + Convert.ToBase64String(hmac.GetHashAndReset());
    }

    /// <summary>A fresh request body (an <see cref="HttpContent"/> is sent once).</summary>
    public HttpContent Content() => bytes is not null ? new ByteArrayContent(bytes) : new GeneratedContent(generated!);

    /// <summary>Sent chunked, as the download host sends a row-counted artifact: its length is known only at the end.</summary>
    private sealed class GeneratedContent(ArtifactRequest artifact) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            ArtifactGenerator.WriteAsync(artifact, stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A write-only stream that only feeds what it is given to a hash.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            hash.AppendData(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
