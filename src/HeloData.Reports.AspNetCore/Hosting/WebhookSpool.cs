using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>
/// Where this receiver spools delivery bodies: the core's <see cref="SpoolFolder"/> under
/// <c>{TemporaryDirectory}/helodata-webhook-spool-{uid}/</c>, with the receiver's log lines. The receiver does not
/// start when that root is not a real directory of this user's, mode 0700.
/// </summary>
internal sealed class WebhookSpool : SpoolFolder
{
    /// <summary>The root's name in the temporary directory.</summary>
    internal static readonly string Name = RootName("helodata-webhook-spool");

    public WebhookSpool(IOptions<ReportWebhookOptions> options, ILogger<ReportWebhookEndpoint> logger, IHostApplicationLifetime? lifetime = null)
        : base(
            RootFor(options.Value.TemporaryDirectory, "helodata-webhook-spool"),
            $"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.TemporaryDirectory)}",
            exception => WebhookLog.TemporaryFileLeft(logger, exception),
            (count, folder) => WebhookLog.SpoolSwept(logger, count, folder))
    {
        // An app that is stopped but never disposed (a sample's StopAsync) still leaves its folder clean.
        lifetime?.ApplicationStopped.Register(Dispose);
    }
}
