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
        // HMAC is a hash transform: a CryptoStream over Stream.Null feeds it whatever is written, so the
        // generated artifact is hashed as it is made, never held.
        using var hmac = new HMACSHA256(key);
        await using (var hashing = new CryptoStream(Stream.Null, hmac, CryptoStreamMode.Write))
        {
            await hashing.WriteAsync(Encoding.UTF8.GetBytes($"{id}.{timestamp}."), cancellationToken).ConfigureAwait(false);
            if (bytes is not null)
            {
                await hashing.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ArtifactGenerator.WriteAsync(generated!, hashing, cancellationToken).ConfigureAwait(false);
            }
        }

        return "v1," + Convert.ToBase64String(hmac.Hash!);
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
}
