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
