namespace HeloData.Reports.Testing;

/// <summary>What the sandbox did wrong, on purpose, in one webhook delivery attempt (see <see cref="SandboxFaults"/>).</summary>
public enum SandboxWebhookFault
{
    /// <summary>A proper delivery.</summary>
    None,

    /// <summary>Sent twice at once (<see cref="SandboxFaults.DuplicateWebhookDeliveries"/>).</summary>
    Duplicate,

    /// <summary>Signed with a wrong key (<see cref="SandboxFaults.BadWebhookSignatures"/>).</summary>
    BadSignature,

    /// <summary>Stamped 10 minutes in the past (<see cref="SandboxFaults.StaleWebhookTimestamps"/>).</summary>
    StaleTimestamp,

    /// <summary>Not sent, as if the receiver were down (<see cref="SandboxFaults.UnreachableWebhookReceiver"/>).</summary>
    Unreachable,
}
