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

    /// <summary>
    /// The largest artifact accepted. A delivery whose <c>Content-Length</c> is larger is answered <c>413</c>
    /// before its body is read; a chunked one is cut off, and answered <c>413</c>, when it grows past it. Only
    /// this endpoint's requests get this limit instead of Kestrel's (30 MB by default).
    /// </summary>
    /// <value>
    /// The default is 256 MiB: with <see cref="MaxConcurrentDeliveries"/> at its default, senders not yet
    /// proven hold at most 1 GiB of disk. Raise it if your reports are larger.
    /// </value>
    public long MaxDeliveryBytes { get; set; } = ReportWebhookDefaults.MaxDeliveryBytes;

    /// <summary>
    /// How many deliveries may have their body read (and spooled, unverified) at once; one more is answered
    /// <c>503</c> with <c>Retry-After</c> before its body is read, and the service tries it again later. A
    /// delivery stops counting once it is verified (or refused), so a long handler does not hold a place.
    /// </summary>
    /// <value>The default is 4.</value>
    public int MaxConcurrentDeliveries { get; set; } = ReportWebhookDefaults.MaxConcurrentDeliveries;

    /// <summary>
    /// Where an artifact is kept while it is verified and handled: in a folder of the receiver's own,
    /// <c>helodata-webhook-spool-{uid}/</c>, under this one (folders 0700, files 0600 on Unix). On Unix that folder
    /// must be a real directory owned by this user with mode 0700 (another user could have made it first), or the
    /// app does not start. Spool files a killed receiver left there are deleted at the next start; nothing else
    /// in the folder is touched.
    /// </summary>
    /// <value>The default, <see langword="null"/>, is <see cref="Path.GetTempPath"/>.</value>
    public string? TemporaryDirectory { get; set; }

    /// <summary>
    /// The SQLite file recording which runs were handled, for a receiver without the collector: the endpoint's own
    /// <see cref="HeloData.Reports.Collector.SqliteCollectorStateStore"/>. Ignored when an
    /// <see cref="HeloData.Reports.Collector.ICollectorStateStore"/> is registered, as the collector's is
    /// (<c>AddHeloReportsCollector</c>, <c>UseSqliteState</c>, <c>UsePostgreSqlState</c>): the endpoint records
    /// into that one then. A relative path is relative to the app's content root.
    /// </summary>
    /// <value>The default is <c>helodata-deliveries.db</c>.</value>
    public string StorePath { get; set; } = "helodata-deliveries.db";

    /// <summary>
    /// How long a claim on a run holds without being renewed. While the handler runs, the endpoint renews the
    /// claim every third of this, so a slow handler keeps its run; a receiver that died mid-handler (or froze)
    /// stops renewing, and after this long another receiver sharing the store takes the run over. The claims a
    /// receiver's previous life left in the store are released at once when it starts again. (Deliveries handed to
    /// the collector, <c>MapHeloReportsCollectorWebhook</c>, are claimed with the collector's <c>ClaimLease</c>.)
    /// </summary>
    /// <value>The default is <see cref="DefaultHandlerLease"/>, 1 minute; at least 1 second.</value>
    public TimeSpan HandlerLease { get; set; } = DefaultHandlerLease;

    /// <summary>
    /// This receiver's name in the records of claims of its own store (the one at <see cref="StorePath"/>): stable
    /// across restarts (so a restart finds the claims its previous life left), and different for every process
    /// sharing one <see cref="StorePath"/> (a second live process under the same name fails at start-up). With the
    /// collector registered, its <c>ReportsCollectorOptions.InstanceName</c> names the instance instead.
    /// </summary>
    /// <value>The default, <see langword="null"/>, is <see cref="Environment.MachineName"/>.</value>
    public string? InstanceName { get; set; }

    /// <summary>The default <see cref="HandlerLease"/>: 1 minute, long enough to ride out a missed heartbeat or two, short enough that a dead receiver's runs wait little.</summary>
    public static readonly TimeSpan DefaultHandlerLease = TimeSpan.FromMinutes(1);
}
