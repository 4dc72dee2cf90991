namespace HeloData.Reports.AspNetCore;

/// <summary>The defaults of <see cref="ReportWebhookOptions"/>'s limits on what unverified requests may hold, in one place.</summary>
internal static class ReportWebhookDefaults
{
    /// <summary>
    /// 256 MiB: months of a busy account's daily rows in csv, yet with <see cref="MaxConcurrentDeliveries"/>
    /// unverified bodies at once, at most 1 GiB of an ordinary disk is held by senders not yet proven.
    /// </summary>
    public const long MaxDeliveryBytes = 256L * 1024 * 1024;

    /// <summary>4: the service sends one delivery per completed run, so more at once is rare, and a refused one is retried.</summary>
    public const int MaxConcurrentDeliveries = 4;

    /// <summary>What a <c>503</c> for a full spool tells the sender to wait, in seconds: a spool slot frees as soon as a body is verified.</summary>
    public const int BusyRetryAfterSeconds = 5;
}
