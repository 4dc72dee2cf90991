using Microsoft.AspNetCore.Http;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// What the request line and headers alone condemn, decided before a single body byte is read, stored or
/// counted against anything: a missing or malformed <c>webhook-*</c> header, a stale timestamp, a
/// <c>Content-Length</c> over the limit.
/// </summary>
internal static class DeliveryPrecheck
{
    /// <summary>Why the delivery is refused, or <see langword="null"/> when its body is worth reading.</summary>
    public static DeliveryRefusal? Check(HttpRequest request, ReportWebhookVerifier verifier, long maxDeliveryBytes)
    {
        try
        {
            verifier.VerifyHeaders(request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"]);
        }
        catch (ReportWebhookVerificationException exception)
        {
            return DeliveryRefusal.For(exception);
        }

        return request.ContentLength > maxDeliveryBytes
            ? new DeliveryRefusal(StatusCodes.Status413PayloadTooLarge, $"The body's Content-Length is over {maxDeliveryBytes} bytes.")
            : null;
    }
}

/// <summary>The answer to a delivery refused before its handler: a status and a reason safe to show the sender.</summary>
internal readonly record struct DeliveryRefusal(int Status, string Reason)
{
    // Only a signature problem may be fixed by the sender's secret (401); the rest are malformed or replayed requests (400).
    public static DeliveryRefusal For(ReportWebhookVerificationException exception) => new(
        exception.Reason == ReportWebhookFailure.InvalidSignature ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest,
        exception.Message);
}
