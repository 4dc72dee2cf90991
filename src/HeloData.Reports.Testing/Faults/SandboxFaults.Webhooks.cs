namespace HeloData.Reports.Testing;

// Faults of the webhook pushes: each knob applies to the next N delivery attempts, then wears off.
public sealed partial class SandboxFaults
{
    private int _duplicateDeliveries;
    private int _unreachableDeliveries;
    private int _badSignatures;
    private int _staleTimestamps;

    /// <summary>
    /// Sends each of the next <paramref name="deliveries"/> webhook delivery attempts twice at once, as a
    /// service whose first attempt timed out on its side may: a receiver must handle the run once.
    /// </summary>
    /// <param name="deliveries">How many attempts to duplicate.</param>
    public void DuplicateWebhookDeliveries(int deliveries) => Set(ref _duplicateDeliveries, deliveries);

    /// <summary>
    /// Treats the next <paramref name="deliveries"/> webhook delivery attempts as if the receiver were down:
    /// nothing is sent, the attempt is recorded as a refused connection, and the sandbox retries on its
    /// schedule, as the service does while a receiver is being deployed or restarted.
    /// </summary>
    /// <param name="deliveries">How many attempts find the receiver down.</param>
    public void UnreachableWebhookReceiver(int deliveries) => Set(ref _unreachableDeliveries, deliveries);

    /// <summary>
    /// Signs the next <paramref name="deliveries"/> webhook delivery attempts with a key that is not the
    /// destination's secret: a receiver must refuse them (401), and the sandbox then retries, signed properly.
    /// </summary>
    /// <param name="deliveries">How many attempts to sign wrongly.</param>
    public void BadWebhookSignatures(int deliveries) => Set(ref _badSignatures, deliveries);

    /// <summary>
    /// Stamps the next <paramref name="deliveries"/> webhook delivery attempts 10 minutes in the past, correctly
    /// signed, as a replay would be: a receiver must refuse them (400), and the sandbox then retries.
    /// </summary>
    /// <param name="deliveries">How many attempts to stamp stale.</param>
    public void StaleWebhookTimestamps(int deliveries) => Set(ref _staleTimestamps, deliveries);

    /// <summary>What the next webhook delivery attempt gets, if anything; each call uses one fault up.</summary>
    internal SandboxWebhookFault NextDelivery()
    {
        lock (_gate)
        {
            return Take(ref _badSignatures) ? SandboxWebhookFault.BadSignature
                : Take(ref _staleTimestamps) ? SandboxWebhookFault.StaleTimestamp
                : Take(ref _unreachableDeliveries) ? SandboxWebhookFault.Unreachable
                : Take(ref _duplicateDeliveries) ? SandboxWebhookFault.Duplicate
                : SandboxWebhookFault.None;
        }
    }
}
