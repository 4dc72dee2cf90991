namespace HeloData.Reports;

/// <summary>Why a pushed delivery was refused by <see cref="ReportWebhookVerifier"/>.</summary>
/// <remarks>
/// A receiver answers <see cref="InvalidSignature"/> with <c>401</c> and the others with <c>400</c>: only a
/// signature problem may be fixed by the sender's secret, the rest are malformed or replayed requests.
/// </remarks>
public enum ReportWebhookFailure
{
    /// <summary><c>webhook-id</c> or <c>webhook-timestamp</c> is missing or empty.</summary>
    MissingHeader = 1,

    /// <summary><c>webhook-timestamp</c> is not a whole number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary><c>webhook-timestamp</c> is further from the receiver's clock than the tolerance, either way (a replay, or a skewed clock).</summary>
    TimestampOutOfTolerance,

    /// <summary>
    /// No <c>v1</c> signature in <c>webhook-signature</c> matches the id, timestamp and body under any of the
    /// secrets, or the header is missing or holds no <c>v1</c> signature at all.
    /// </summary>
    InvalidSignature,
}
