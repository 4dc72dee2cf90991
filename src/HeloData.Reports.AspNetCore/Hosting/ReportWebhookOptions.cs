namespace HeloData.Reports.AspNetCore;

/// <summary>Settings of the webhook endpoint mapped by <c>MapHeloReportsWebhook</c>.</summary>
public sealed class ReportWebhookOptions
{
    /// <summary>
    /// The destinations' <c>signing_secret</c> values (<c>whsec_…</c>). Any one of them verifies a delivery:
    /// list the old and the new secret while rotating. Required.
    /// </summary>
    public IList<string> SigningSecrets { get; set; } = [];

    /// <summary>How far a delivery's <c>webhook-timestamp</c> may be from this server's clock, either way.</summary>
    /// <value>The default is 5 minutes, as the contract says.</value>
    public TimeSpan TimestampTolerance { get; set; } = ReportWebhookVerifier.DefaultTolerance;

    /// <summary>The largest artifact accepted; a larger delivery is answered <c>413</c> without being stored.</summary>
    /// <value>The default is 1 GiB.</value>
    public long MaxDeliveryBytes { get; set; } = 1L << 30;

    /// <summary>Where an artifact is kept while it is verified and handled.</summary>
    /// <value>The default, <see langword="null"/>, is <see cref="Path.GetTempPath"/>.</value>
    public string? TemporaryDirectory { get; set; }

    /// <summary>
    /// The SQLite file recording which runs were handled (used by the default <see cref="IReportDeliveryStore"/>;
    /// ignored when another store is registered). A relative path is relative to the app's content root.
    /// </summary>
    /// <value>The default is <c>helodata-deliveries.db</c>.</value>
    public string StorePath { get; set; } = "helodata-deliveries.db";

    /// <summary>
    /// How long a delivery being handled blocks other receivers sharing the store from handling the same
    /// run; after that, a receiver that died mid-handler no longer stops the redelivery from being handled.
    /// Make it longer than your handler takes.
    /// </summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan HandlerLease { get; set; } = TimeSpan.FromMinutes(15);
}
