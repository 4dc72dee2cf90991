namespace HeloData.Reports.Testing;

/// <summary>
/// Faults the sandbox injects, so an application can test its own resilience: into the API host,
/// rate limits, 5xx bursts, latency and dropped connections; into the download host, bodies cut short
/// and hosts that go silent; into the service's runs, runs kept out of <c>recent_runs</c> and runs that
/// fail. Each request knob applies to the next N requests and then wears off; a run knob applies to the
/// runs created until it is changed. Thread-safe.
/// </summary>
public sealed partial class SandboxFaults
{
    private readonly object _gate = new();
    private int _rateLimited;
    private TimeSpan _rateLimitRetryAfter;
    private int _serverErrors;
    private int _serverErrorStatus;
    private TimeSpan? _serverErrorRetryAfter;
    private int _delayed;
    private TimeSpan _latency;
    private int _dropped;
    private int _truncatedDownloads;
    private int _stalledDownloads;
    private int _duplicateDeliveries;
    private int _unreachableDeliveries;
    private int _badSignatures;
    private int _staleTimestamps;

    /// <summary>Answers the next <paramref name="requests"/> API requests <c>429 rate_limited</c> with <c>Retry-After</c>.</summary>
    /// <param name="requests">How many requests to refuse.</param>
    /// <param name="retryAfter">The wait to ask for; whole seconds are sent.</param>
    public void RateLimit(int requests, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_gate)
        {
            _rateLimited = requests;
            _rateLimitRetryAfter = retryAfter;
        }
    }

    /// <summary>Answers the next <paramref name="requests"/> API requests with a 5xx and an <c>internal_error</c> body.</summary>
    /// <param name="requests">How many requests to fail.</param>
    /// <param name="status">The status, 500 to 599.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> to send with it, if any (a 503 with one proves the service did not act).</param>
    public void ServerErrors(int requests, int status = 503, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        lock (_gate)
        {
            _serverErrors = requests;
            _serverErrorStatus = status;
            _serverErrorRetryAfter = retryAfter;
        }
    }

    /// <summary>Delays the next <paramref name="requests"/> API answers by <paramref name="latency"/> of real time.</summary>
    /// <param name="latency">The delay.</param>
    /// <param name="requests">How many requests to delay; <see cref="int.MaxValue"/> for all.</param>
    public void Latency(TimeSpan latency, int requests = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_gate)
        {
            _latency = latency;
            _delayed = requests;
        }
    }

    /// <summary>Drops the connection of the next <paramref name="requests"/> API requests without an answer.</summary>
    /// <remarks>
    /// The request is read whole, then its connection is closed with no byte of an answer sent: the
    /// client cannot know whether the service acted on it.
    /// </remarks>
    /// <param name="requests">How many requests to drop.</param>
    public void DropConnections(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_gate)
        {
            _dropped = requests;
        }
    }

    /// <summary>
    /// Cuts the body of the next <paramref name="downloads"/> artifact downloads short: the artifact's
    /// <c>Content-Length</c> is promised, part of it sent (at most 16 KiB, and at most half), and the
    /// connection closed.
    /// </summary>
    /// <remarks>
    /// An artifact streamed because of <see cref="ReportsSandbox.ArtifactRowCount"/> promises no length:
    /// at most its first 16 KiB are sent, and the connection is closed without the chunked body's final
    /// chunk, even when those bytes held the whole artifact. With <see cref="ReportsSandbox.ArtifactCompression"/>
    /// on, the compressed bytes are cut.
    /// </remarks>
    /// <param name="downloads">How many downloads to break.</param>
    public void TruncateDownloads(int downloads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(downloads);
        lock (_gate)
        {
            _truncatedDownloads = downloads;
        }
    }

    /// <summary>
    /// Makes the next <paramref name="downloads"/> artifact downloads go silent: the artifact's
    /// <c>Content-Length</c> is promised, part of it sent (as for <see cref="TruncateDownloads"/>), and
    /// then nothing more, the connection held open until the client gives up or the sandbox stops. What
    /// a client's idle timeout (<c>ReportsClientOptions.DownloadIdleTimeout</c>) is for.
    /// </summary>
    /// <remarks>A streamed artifact (see <see cref="TruncateDownloads"/>) sends at most its first 16 KiB, then nothing more.</remarks>
    /// <param name="downloads">How many downloads to stall.</param>
    public void StallDownloads(int downloads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(downloads);
        lock (_gate)
        {
            _stalledDownloads = downloads;
        }
    }

    /// <summary>
    /// Sends each of the next <paramref name="deliveries"/> webhook delivery attempts twice at once, as a
    /// service whose first attempt timed out on its side may: a receiver must handle the run once.
    /// </summary>
    /// <param name="deliveries">How many attempts to duplicate.</param>
    public void DuplicateWebhookDeliveries(int deliveries) => Set(ref _duplicateDeliveries, deliveries);

    /// <summary>
    /// Treats the next <paramref name="deliveries"/> webhook delivery attempts as if the receiver were down:
    /// nothing is sent, the attempt is recorded as a refused connection, and the sandbox retries on its
    /// schedule, as the service does while a receiver is being deployed or restarted.
    /// </summary>
    /// <param name="deliveries">How many attempts find the receiver down.</param>
    public void UnreachableWebhookReceiver(int deliveries) => Set(ref _unreachableDeliveries, deliveries);

    /// <summary>
    /// Signs the next <paramref name="deliveries"/> webhook delivery attempts with a key that is not the
    /// destination's secret: a receiver must refuse them (401), and the sandbox then retries, signed properly.
    /// </summary>
    /// <param name="deliveries">How many attempts to sign wrongly.</param>
    public void BadWebhookSignatures(int deliveries) => Set(ref _badSignatures, deliveries);

    /// <summary>
    /// Stamps the next <paramref name="deliveries"/> webhook delivery attempts 10 minutes in the past, correctly
    /// signed, as a replay would be: a receiver must refuse them (400), and the sandbox then retries.
    /// </summary>
    /// <param name="deliveries">How many attempts to stamp stale.</param>
    public void StaleWebhookTimestamps(int deliveries) => Set(ref _staleTimestamps, deliveries);

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _rateLimited = _serverErrors = _delayed = _dropped = _truncatedDownloads = _stalledDownloads = 0;
            _duplicateDeliveries = _badSignatures = _staleTimestamps = _unreachableDeliveries = 0;
            ResetRunFaults();
        }
    }

    /// <summary>Takes the fault, if any, that the next API request gets; each call uses one up.</summary>
    internal ApiFault Next()
    {
        lock (_gate)
        {
            var latency = Take(ref _delayed) ? _latency : TimeSpan.Zero;
            if (Take(ref _dropped))
            {
                return new ApiFault(ApiFaultKind.Drop, latency, 0, null);
            }

            if (Take(ref _rateLimited))
            {
                return new ApiFault(ApiFaultKind.Status, latency, 429, _rateLimitRetryAfter);
            }

            if (Take(ref _serverErrors))
            {
                return new ApiFault(ApiFaultKind.Status, latency, _serverErrorStatus, _serverErrorRetryAfter);
            }

            return new ApiFault(ApiFaultKind.None, latency, 0, null);
        }
    }

    /// <summary>What the next download gets, if anything; each call uses one fault up.</summary>
    internal DownloadFault NextDownload()
    {
        lock (_gate)
        {
            return Take(ref _truncatedDownloads) ? DownloadFault.Truncate
                : Take(ref _stalledDownloads) ? DownloadFault.Stall
                : DownloadFault.None;
        }
    }

    /// <summary>What the next webhook delivery attempt gets, if anything; each call uses one fault up.</summary>
    internal SandboxWebhookFault NextDelivery()
    {
        lock (_gate)
        {
            return Take(ref _badSignatures) ? SandboxWebhookFault.BadSignature
                : Take(ref _staleTimestamps) ? SandboxWebhookFault.StaleTimestamp
                : Take(ref _unreachableDeliveries) ? SandboxWebhookFault.Unreachable
                : Take(ref _duplicateDeliveries) ? SandboxWebhookFault.Duplicate
                : SandboxWebhookFault.None;
        }
    }

    private void Set(ref int counter, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            counter = count;
        }
    }

    private static bool Take(ref int counter)
    {
        if (counter <= 0)
        {
            return false;
        }

        if (counter != int.MaxValue)
        {
            counter--;
        }

        return true;
    }
}

internal enum ApiFaultKind
{
    None,
    Drop,
    Status,
}

internal enum DownloadFault
{
    None,
    Truncate,
    Stall,
}

internal readonly record struct ApiFault(ApiFaultKind Kind, TimeSpan Latency, int Status, TimeSpan? RetryAfter);
