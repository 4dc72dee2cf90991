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

    [LoggerMessage(5, LogLevel.Information, "Delivery of {RunId} is being handled by another receiver; answered 409 so the service tries later")]
    public static partial void InProgress(ILogger logger, string runId);

    [LoggerMessage(6, LogLevel.Warning, "Could not delete the temporary copy of a delivery")]
    public static partial void TemporaryFileLeft(ILogger logger, Exception exception);
}
