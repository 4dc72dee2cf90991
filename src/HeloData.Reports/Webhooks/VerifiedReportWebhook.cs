namespace HeloData.Reports;

/// <summary>What a verified delivery proved: these values are covered by its signature.</summary>
public sealed class VerifiedReportWebhook
{
    /// <summary>Creates the result; for the SDK and for application tests.</summary>
    /// <param name="runId">The run whose artifact was delivered.</param>
    /// <param name="signedAt">When the sender signed this attempt.</param>
    /// <param name="length">The number of body bytes read and verified.</param>
    public VerifiedReportWebhook(string runId, DateTimeOffset signedAt, long length)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        RunId = runId;
        SignedAt = signedAt;
        Length = length;
    }

    /// <summary>The run whose artifact was delivered (<c>webhook-id</c>); the same on every redelivery, so it is the key to handle each run once.</summary>
    public string RunId { get; }

    /// <summary>When the sender signed this attempt (<c>webhook-timestamp</c>).</summary>
    public DateTimeOffset SignedAt { get; }

    /// <summary>The number of body bytes read and verified.</summary>
    public long Length { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RunId} ({Length} bytes, signed {SignedAt:u})";
}
