using HeloData.Reports.Collector;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// The endpoint's log lines: one per delivery. They name the run and the outcome; never a secret, a
/// signature or the artifact's content.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Information, "Handled delivery of {RunId} ({Length} bytes)")]
    public static partial void Handled(ILogger logger, string runId, long length);

    [LoggerMessage(2, LogLevel.Information, "Delivery of {RunId} was handled before; answered 200 without calling the handler")]
    public static partial void Duplicate(ILogger logger, string runId);

    [LoggerMessage(3, LogLevel.Warning, "Refused a delivery ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(4, LogLevel.Error, "The handler failed for delivery of {RunId}; answered 500 so the service redelivers")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(5, LogLevel.Information, "Delivery of {RunId} is being handled now, here or by another receiver; answered 409 so the service tries later")]
    public static partial void InProgress(ILogger logger, string runId);

    [LoggerMessage(6, LogLevel.Warning, "Could not delete the temporary copy of a delivery")]
    public static partial void TemporaryFileLeft(ILogger logger, Exception exception);

    // 20 and up: what happens before a delivery is verified (DeliveryIntake, WebhookSpool).
    [LoggerMessage(20, LogLevel.Warning, "Refused a delivery (503): {Limit} unverified deliveries are being received already; the sender retries later")]
    public static partial void Busy(ILogger logger, int limit);

    [LoggerMessage(21, LogLevel.Warning, "Could not read a delivery's body ({Status}): {Reason}")]
    public static partial void BodyUnreadable(ILogger logger, int status, string reason);

    [LoggerMessage(22, LogLevel.Information, "The sender of a delivery went away before its body was read; nothing was kept")]
    public static partial void SenderGone(ILogger logger);

    [LoggerMessage(23, LogLevel.Information, "Deleted {Count} spool file(s) left in {Folder} by a receiver that is gone")]
    public static partial void SpoolSwept(ILogger logger, int count, string folder);

    // 30 and up: claims, the store and stopping (RunHandling; a claim's lease is logged by the shared ClaimLog, 50 and up).

    [LoggerMessage(32, LogLevel.Information, "The app is stopping: the handler of {RunId} was cancelled; answered 503 so the service redelivers")]
    public static partial void HandlerStopped(ILogger logger, string runId);

    [LoggerMessage(33, LogLevel.Information, "The app is stopping: delivery of {RunId} answered 503 so the service redelivers")]
    public static partial void Stopping(ILogger logger, string runId);

    [LoggerMessage(34, LogLevel.Warning, "Could not claim {RunId} (the state store, or the service asked for the run, did not answer); answered 503 so the service redelivers")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string runId);

    [LoggerMessage(35, LogLevel.Error, "The handler of {RunId} finished but the state store could not record it; answered 503, and the redelivery will say the run may have been handled")]
    public static partial void NotRecorded(ILogger logger, Exception exception, string runId);

    // 40 and up: deliveries handed to the collector (CollectorWebhookEndpoint). 50 and up: ClaimLog (shared); 60 and up:
    // the first start's import of an earlier receiver's records (DeliveryStoreUpgrade), all in this one category.
    [LoggerMessage(40, LogLevel.Information, "Delivery of {RunId} handed to the collector: {Result}")]
    public static partial void Collected(ILogger logger, string runId, RunCollectionResult result);

    [LoggerMessage(41, LogLevel.Warning, "Could not hand delivery of {RunId} to the collector (the service, asked for the run, or the state store did not answer); answered 503 so the service redelivers")]
    public static partial void CollectorUnavailable(ILogger logger, Exception exception, string runId);
}
