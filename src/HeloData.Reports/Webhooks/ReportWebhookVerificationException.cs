namespace HeloData.Reports;

/// <summary>A pushed delivery that <see cref="ReportWebhookVerifier"/> refused: nothing in it may be trusted.</summary>
/// <remarks>The message names what was wrong, never a secret or a signature.</remarks>
public sealed class ReportWebhookVerificationException : Exception
{
    /// <summary>Creates the exception; for the SDK and for application tests.</summary>
    /// <param name="reason">Why the delivery was refused.</param>
    /// <param name="message">What was wrong, for people.</param>
    public ReportWebhookVerificationException(ReportWebhookFailure reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the delivery was refused; a receiver answers <see cref="ReportWebhookFailure.InvalidSignature"/> with 401, the rest with 400.</summary>
    public ReportWebhookFailure Reason { get; }
}
