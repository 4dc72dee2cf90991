using System.Security.Cryptography;
using System.Text;

namespace HeloData.Reports;

/// <summary>
/// The Standard Webhooks signature format: the signing secrets as keys, the <c>webhook-signature</c>
/// header's <c>v1</c> entries, and their constant-time comparison with the computed HMACs.
/// </summary>
internal static class WebhookSignatures
{
    private const string SecretPrefix = "whsec_";
    private const string SignatureVersion = "v1";
    private const int SignatureLength = 32;

    /// <summary>The key of signing secret number <paramref name="index"/> (from 0): <c>whsec_</c> and base64, or any other string's UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">The secret is blank, or a <c>whsec_</c> secret is not base64 (named by position, never shown).</exception>
    public static byte[] Key(string secret, int index)
    {
        // A blank secret is a configuration slip (an unset variable padded with a space), never a key.
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException($"Signing secret #{index + 1} is empty or only white space.", "signingSecrets");
        }

        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        try
        {
            var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
            return key.Length > 0 ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            // The secret itself is never shown, only where it sits in the list.
            throw new ArgumentException($"Signing secret #{index + 1} starts with '{SecretPrefix}' but what follows is not base64.", "signingSecrets");
        }
    }

    /// <summary>The <c>v1</c> signatures of a <c>webhook-signature</c> header that can match (32 bytes of base64).</summary>
    /// <exception cref="ReportWebhookVerificationException">The header is missing, or holds no such signature.</exception>
    public static List<byte[]> Parse(string? header)
    {
        var signatures = new List<byte[]>();
        var v1Entries = 0;
        foreach (var entry in (header ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && entry.AsSpan(0, comma).SequenceEqual(SignatureVersion))
            {
                v1Entries++;
                var signature = new byte[SignatureLength];

                // A v1 entry that is not 32 bytes of base64 cannot match; it is skipped like any other non-match.
                if (Convert.TryFromBase64String(entry[(comma + 1)..], signature, out var written) && written == SignatureLength)
                {
                    signatures.Add(signature);
                }
            }
        }

        if (signatures.Count > 0)
        {
            return signatures;
        }

        // Three different faults, told apart for whoever reads the 401; none of them says anything about the secrets.
        var reason = header is null ? "The delivery has no webhook-signature header."
            : v1Entries > 0 ? "No v1 signature in the webhook-signature header can match: none is 32 bytes of base64 (an HMAC-SHA256)."
            : "The webhook-signature header holds no v1 signature.";
        throw new ReportWebhookVerificationException(ReportWebhookFailure.InvalidSignature, reason);
    }

    /// <summary>Whether any computed HMAC (each hash is reset) equals any expected signature, every pair compared in constant time.</summary>
    public static bool Matches(IncrementalHash[] hashes, List<byte[]> expected)
    {
        Span<byte> actual = stackalloc byte[SignatureLength];
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
