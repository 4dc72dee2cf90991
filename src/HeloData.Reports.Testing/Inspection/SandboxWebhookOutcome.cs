namespace HeloData.Reports.Testing;

/// <summary>Where a webhook delivery stands.</summary>
public enum SandboxWebhookOutcome
{
    /// <summary>Not taken yet: the run has not completed, or an attempt failed and another is scheduled.</summary>
    Pending,

    /// <summary>A receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; the sandbox, like the service, gives up.</summary>
    GaveUp,
}
