using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace HeloData.Reports;

/// <summary>
/// Verifies a delivery the service pushed to a <c>webhook</c> destination (Standard Webhooks, as the
/// contract's "Webhook deliveries" section says): the <c>webhook-id</c>, <c>webhook-timestamp</c> and
/// <c>webhook-signature</c> headers against the body, hashed as it streams, never held in memory.
/// </summary>
/// <remarks>
/// <para>
/// Any one valid <c>v1</c> signature under any one of the secrets is enough, so a secret can be rotated
/// by configuring the old and the new one for a while. Signatures of other versions are ignored.
/// Signatures are compared in constant time. The timestamp must be within <see cref="Tolerance"/> of
/// the clock, in either direction, which bounds how long a captured delivery can be replayed.
/// </para>
/// <para>
/// Thread-safe: one instance serves concurrent deliveries. It holds the secrets' key bytes only, and no
/// member, message or <see cref="object.ToString"/> shows them.
/// </para>
/// </remarks>
public sealed class ReportWebhookVerifier
{
    /// <summary>How far a delivery's timestamp may be from the receiver's clock unless told otherwise: 5 minutes, as the contract says.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int BufferLength = 64 * 1024;

    private readonly byte[][] _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier for the destination's signing secret, or several during a rotation.</summary>
    /// <param name="signingSecrets">
    /// The destinations' <c>signing_secret</c> values. One starting with <c>whsec_</c> is the base64 of the key
    /// that follows; any other string is used as its UTF-8 bytes.
    /// </param>
    /// <param name="tolerance">How far a timestamp may be from the clock; <see langword="null"/> for <see cref="DefaultTolerance"/>.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signingSecrets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No secret is given, one is empty or white space, or a <c>whsec_</c> secret is not base64 (the message says which, by position).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is not positive.</exception>
    public ReportWebhookVerifier(IEnumerable<string> signingSecrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(signingSecrets);
        _keys = WebhookSecrets.Keys(signingSecrets);
        Tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Tolerance, TimeSpan.Zero, nameof(tolerance));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How far a delivery's timestamp may be from the clock, either way.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>
    /// Checks what the headers alone can tell, without the body: both <c>webhook-id</c> and <c>webhook-timestamp</c>
    /// are present, the timestamp is Unix seconds within <see cref="Tolerance"/>, and <c>webhook-signature</c>
    /// holds at least one <c>v1</c> entry that is 32 bytes of base64 (an HMAC-SHA256). A receiver calls it before
    /// it reads, stores or even accepts a body, so a request the headers already condemn costs nothing.
    /// <c>VerifyAsync</c> makes the same checks first.
    /// </summary>
    /// <param name="webhookId">The <c>webhook-id</c> header: the run id.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header: Unix seconds.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>v1,&lt;base64&gt;</c> entries.</param>
    /// <exception cref="ReportWebhookVerificationException">A header is missing or malformed, or the timestamp is out of tolerance.</exception>
    public void VerifyHeaders(string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        _ = WebhookHeaders.SignedAt(webhookId, webhookTimestamp, Tolerance, _time.GetUtcNow());
        _ = WebhookHeaders.Signatures(webhookSignature);
    }

    /// <summary>Checks the headers, then reads <paramref name="body"/> to its end, hashing it as it streams, and checks the signature.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> header: the run id.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header: Unix seconds.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>v1,&lt;base64&gt;</c> entries.</param>
    /// <param name="body">The request body, read once, to its end; not disposed.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <returns>The run id, the signing time and the body's length, now proven.</returns>
    /// <exception cref="ReportWebhookVerificationException">A header is missing or malformed, the timestamp is out of tolerance, or no signature matches.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public Task<VerifiedReportWebhook> VerifyAsync(string? webhookId, string? webhookTimestamp, string? webhookSignature, Stream body, CancellationToken cancellationToken) =>
        VerifyAsync(webhookId, webhookTimestamp, webhookSignature, body, null, cancellationToken);

    /// <summary>
    /// Checks the headers, then reads <paramref name="body"/> to its end, hashing it (and copying it to
    /// <paramref name="copyTo"/>, if given) as it streams, and checks the signature.
    /// </summary>
    /// <param name="webhookId">The <c>webhook-id</c> header: the run id.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header: Unix seconds.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>v1,&lt;base64&gt;</c> entries.</param>
    /// <param name="body">The request body, read once, to its end; not disposed.</param>
    /// <param name="copyTo">
    /// Where the body's bytes go as they are hashed (a temporary file, say), so the artifact is stored by
    /// the same single pass; <see langword="null"/> to only verify. Its content must not be trusted
    /// unless this method returns.
    /// </param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <returns>The run id, the signing time and the body's length, now proven.</returns>
    /// <exception cref="ReportWebhookVerificationException">
    /// A header is missing or malformed, the timestamp is out of tolerance (both found before the body is
    /// read), or no signature matches.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public async Task<VerifiedReportWebhook> VerifyAsync(
        string? webhookId, string? webhookTimestamp, string? webhookSignature, Stream body, Stream? copyTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var signedAt = WebhookHeaders.SignedAt(webhookId, webhookTimestamp, Tolerance, _time.GetUtcNow());
        var expected = WebhookHeaders.Signatures(webhookSignature);

        var hashes = new IncrementalHash[_keys.Length];
        var buffer = ArrayPool<byte>.Shared.Rent(BufferLength);
        try
        {
            var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.");
            for (var i = 0; i < hashes.Length; i++)
            {
                hashes[i] = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keys[i]);
                hashes[i].AppendData(prefix);
            }

            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferLength), cancellationToken).ConfigureAwait(false)) > 0)
            {
                foreach (var hash in hashes)
                {
                    hash.AppendData(buffer, 0, read);
                }

                if (copyTo is not null)
                {
                    await copyTo.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                length += read;
            }

            return Matches(hashes, expected)
                ? new VerifiedReportWebhook(webhookId!, signedAt, length)
                : throw new ReportWebhookVerificationException(
                    ReportWebhookFailure.InvalidSignature,
                    $"No v1 signature of delivery {ValueText.Quote(webhookId!)} matches its id, timestamp and body.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var hash in hashes)
            {
                hash?.Dispose();
            }
        }
    }

    private static bool Matches(IncrementalHash[] hashes, List<byte[]> expected)
    {
        Span<byte> actual = stackalloc byte[WebhookHeaders.SignatureLength];
        var match = false;
        foreach (var hash in hashes)
        {
            hash.GetHashAndReset(actual);
            foreach (var signature in expected)
            {
                // Every pair is compared, so the time taken does not tell which secret or entry matched.
                match |= CryptographicOperations.FixedTimeEquals(actual, signature);
            }
        }

        return match;
    }
}
