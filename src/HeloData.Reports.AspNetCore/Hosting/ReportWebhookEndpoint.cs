using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// One delivery, start to answer: spool the body to a temporary file while verifying it, then hand it to
/// the handler once per run, and answer 2xx only after the handler finished.
/// </summary>
internal sealed class ReportWebhookEndpoint(
    IOptions<ReportWebhookOptions> options,
    RunHandling runs,
    TimeProvider time,
    ILogger<ReportWebhookEndpoint> logger)
{
    private readonly ReportWebhookOptions _options = options.Value;
    private readonly ReportWebhookVerifier _verifier = new(options.Value.SigningSecrets, options.Value.TimestampTolerance, time);

    public async Task HandleAsync(HttpContext context, Func<ReportDelivery, CancellationToken, Task> handler)
    {
        var request = context.Request;
        if (request.ContentLength > _options.MaxDeliveryBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body's Content-Length is over {_options.MaxDeliveryBytes} bytes.").ConfigureAwait(false);
            return;
        }

        // Kestrel stops bodies at 30 MB unless told otherwise; this endpoint has its own limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = _options.MaxDeliveryBytes;
        }

        var path = Path.Combine(_options.TemporaryDirectory ?? Path.GetTempPath(), $"helodata-delivery-{Guid.NewGuid():N}.tmp");
        try
        {
            var verified = await SpoolAsync(context, path).ConfigureAwait(false);
            if (verified is null)
            {
                return;
            }

            var delivery = new ReportDelivery(verified, path, request.ContentType, new UnverifiedDeliveryHeaders(request.Headers), context.RequestServices);
            await runs.HandleAsync(context, delivery, handler).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                WebhookLog.TemporaryFileLeft(logger, exception);
            }
        }
    }

    /// <summary>Reads the body into <paramref name="path"/> while verifying it; answers and returns <see langword="null"/> when it is refused.</summary>
    private async Task<VerifiedReportWebhook?> SpoolAsync(HttpContext context, string path)
    {
        var headers = context.Request.Headers;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);
            var verified = await _verifier.VerifyAsync(
                headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], context.Request.Body, new CappedStream(file, _options.MaxDeliveryBytes), context.RequestAborted)
                .ConfigureAwait(false);
            await file.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return verified;
        }
        catch (ReportWebhookVerificationException exception)
        {
            var status = exception.Reason == ReportWebhookFailure.InvalidSignature ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            await RefuseAsync(context, status, exception.Message).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DeliveryTooLargeException || IsBodyTooLarge(exception))
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is over {_options.MaxDeliveryBytes} bytes.").ConfigureAwait(false);
        }

        return null;
    }

    private async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        WebhookLog.Refused(logger, status, reason);
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
        }
    }

    // Kestrel's own limit, when the server would not let it be raised.
    private static bool IsBodyTooLarge(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
}
