using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Everything that happens before a delivery is verified, bounded so that a sender who cannot sign cannot
/// fill the disk or pile up work: the headers are judged before the body; at most
/// <see cref="ReportWebhookOptions.MaxConcurrentDeliveries"/> bodies are read at once (the rest are answered
/// <c>503</c>); each is cut off at <see cref="ReportWebhookOptions.MaxDeliveryBytes"/>; and a body that cannot
/// be read is one log line, not an unhandled exception.
/// </summary>
internal sealed class DeliveryIntake
{
    private readonly ReportWebhookOptions _options;
    private readonly ReportWebhookVerifier _verifier;
    private readonly WebhookSpool _spool;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger _logger;

    public DeliveryIntake(IOptions<ReportWebhookOptions> options, WebhookSpool spool, TimeProvider time, ILogger<ReportWebhookEndpoint> logger)
    {
        _options = options.Value;
        _verifier = new ReportWebhookVerifier(_options.SigningSecrets, _options.TimestampTolerance, time);
        _spool = spool;
        _slots = new SemaphoreSlim(_options.MaxConcurrentDeliveries, _options.MaxConcurrentDeliveries);
        _logger = logger;
    }

    /// <summary>
    /// Reads and verifies the body into a spool file of its own. Returns it, to be disposed (which deletes
    /// the file) once handled; or answers the request and returns <see langword="null"/>, leaving no file.
    /// </summary>
    public async Task<SpooledDelivery?> ReceiveAsync(HttpContext context)
    {
        if (DeliveryPrecheck.Check(context.Request, _verifier, _options.MaxDeliveryBytes) is { } refusal)
        {
            await RefuseAsync(context, refusal).ConfigureAwait(false);
            return null;
        }

        // No queue: a waiting request would hold a connection for nothing; the sender retries later anyway.
        if (!_slots.Wait(0))
        {
            WebhookLog.Busy(_logger, _options.MaxConcurrentDeliveries);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = ReportWebhookDefaults.BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }

        var path = _spool.NewFilePath();
        VerifiedReportWebhook? verified = null;
        try
        {
            verified = await SpoolAsync(context, path).ConfigureAwait(false);
            return verified is null ? null : new SpooledDelivery(verified, path, _spool);
        }
        finally
        {
            // Verified or not, the body is read: its slot is free for the next sender.
            _slots.Release();
            if (verified is null)
            {
                _spool.Delete(path);
            }
        }
    }

    private async Task<VerifiedReportWebhook?> SpoolAsync(HttpContext context, string path)
    {
        // Kestrel stops bodies at 30 MB unless told otherwise: raised (or lowered) to this endpoint's limit,
        // for this request only, and only now that its headers have shown it is worth reading.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = _options.MaxDeliveryBytes;
        }

        var headers = context.Request.Headers;
        try
        {
            await using var file = new FileStream(path, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous));
            var verified = await _verifier.VerifyAsync(
                headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], context.Request.Body, new CappedStream(file, _options.MaxDeliveryBytes), context.RequestAborted)
                .ConfigureAwait(false);
            await file.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return verified;
        }
        catch (ReportWebhookVerificationException exception)
        {
            await RefuseAsync(context, DeliveryRefusal.For(exception)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DeliveryTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await RefuseAsync(context, new DeliveryRefusal(StatusCodes.Status413PayloadTooLarge, $"The body is over {_options.MaxDeliveryBytes} bytes.")).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            // Too slow for Kestrel's minimum data rate, a malformed chunk, a body cut short: the sender's
            // fault, not this app's, so one line and no stack trace. Kestrel closes the connection.
            WebhookLog.BodyUnreadable(_logger, exception.StatusCode, exception.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = exception.StatusCode;
            }
        }
        catch (Exception exception) when (exception is ConnectionResetException
            || (exception is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            WebhookLog.SenderGone(_logger);
        }

        return null;
    }

    private async Task RefuseAsync(HttpContext context, DeliveryRefusal refusal)
    {
        WebhookLog.Refused(_logger, refusal.Status, refusal.Reason);
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = refusal.Status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            // Not the request's token: a sender gone mid-body would turn a one-line refusal into an unhandled cancellation.
            await context.Response.WriteAsync(refusal.Reason, CancellationToken.None).ConfigureAwait(false);
        }
    }
}

/// <summary>A verified delivery's body in its spool file; disposing it deletes the file.</summary>
internal sealed class SpooledDelivery(VerifiedReportWebhook verified, string path, WebhookSpool spool) : IDisposable
{
    public VerifiedReportWebhook Verified { get; } = verified;

    public string Path { get; } = path;

    public void Dispose() => spool.Delete(Path);
}
