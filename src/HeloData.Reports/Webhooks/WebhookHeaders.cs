using System.Globalization;

namespace HeloData.Reports;

/// <summary>
/// What a delivery's Standard Webhooks headers say, checked before its body is read: <c>webhook-id</c>
/// and <c>webhook-timestamp</c> present, the timestamp within the tolerance, and the <c>v1</c> entries
/// of <c>webhook-signature</c> that can be HMAC-SHA256 signatures.
/// </summary>
internal static class WebhookHeaders
{
    /// <summary>The length of an HMAC-SHA256.</summary>
    public const int SignatureLength = 32;

    private const string SignatureVersion = "v1";

    /// <summary>When the delivery was signed, checked against <paramref name="now"/>.</summary>
    /// <exception cref="ReportWebhookVerificationException">The id or timestamp is missing, the timestamp is not Unix seconds, or it is further than <paramref name="tolerance"/> from <paramref name="now"/>.</exception>
    public static DateTimeOffset SignedAt(string? webhookId, string? webhookTimestamp, TimeSpan tolerance, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(webhookId) || string.IsNullOrWhiteSpace(webhookTimestamp))
        {
            var missing = string.IsNullOrWhiteSpace(webhookId) ? "webhook-id" : "webhook-timestamp";
            throw new ReportWebhookVerificationException(ReportWebhookFailure.MissingHeader, $"The delivery has no {missing} header.");
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new ReportWebhookVerificationException(
                ReportWebhookFailure.MalformedTimestamp, $"The webhook-timestamp header {ValueText.Quote(webhookTimestamp)} is not a number of Unix seconds.");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - signedAt).Duration() > tolerance)
        {
            throw new ReportWebhookVerificationException(
                ReportWebhookFailure.TimestampOutOfTolerance,
                $"The delivery was signed at {signedAt:u}, more than {tolerance} from this receiver's clock ({now:u}): a replay, or a clock out of step.");
        }

        return signedAt;
    }

    /// <summary>The <c>v1</c> signatures of the <c>webhook-signature</c> header that are 32 bytes of base64.</summary>
    /// <exception cref="ReportWebhookVerificationException">There is none.</exception>
    public static List<byte[]> Signatures(string? header)
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
}
