using Microsoft.Extensions.Logging;

namespace HeloData.Reports;

/// <summary>
/// The log lines about a claim's lease, one set for the collector and the receiver (shared source, linked into both
/// with <see cref="ClaimHeartbeat"/>). They name the claim (a run id, or a gap's backfill), never a connection string.
/// Event ids 50 and up, free in both packages' own logs.
/// </summary>
internal static partial class ClaimLog
{
    [LoggerMessage(50, LogLevel.Warning, "The claim on {Claim} was lost (its lease lapsed and another instance took it over); the work under it here is stopped")]
    public static partial void ClaimLost(ILogger logger, string claim);

    [LoggerMessage(51, LogLevel.Warning, "Could not renew the claim on {Claim}; retrying at the next heartbeat")]
    public static partial void ClaimNotRenewed(ILogger logger, Exception exception, string claim);

    [LoggerMessage(52, LogLevel.Warning, "Could not release the claim on {Claim}; it lapses after its lease")]
    public static partial void NotReleased(ILogger logger, Exception exception, string claim);

    [LoggerMessage(53, LogLevel.Warning, "The claim on {Claim} was not renewed for most of its lease (the state store is unreachable?); the work under it here is stopped before it lapses and another instance may take it over")]
    public static partial void ClaimExpiring(ILogger logger, string claim);
}
