using System.Security.Cryptography;
using HeloData.Reports.Testing.Http;
using HeloData.Reports.Testing.State;
using HeloData.Reports.Testing.Webhooks;

namespace HeloData.Reports.Testing;

/// <summary>
/// A stateful, in-process fake of the HeloData Reports API, on two loopback Kestrel servers: the API
/// host, and a separate download host, so that credentials leaking to it are detected. It keeps reports
/// and runs in memory and follows the Reports API contract: create, get, list with paging, merge-patch,
/// delete, run, run status; runs move queued → running → completed or failed on a timeline; artifacts
/// are real csv, tsv, NDJSON or parquet files behind HMAC-signed URLs valid for an hour.
/// </summary>
/// <example>
/// <code>
/// using var sandbox = ReportsSandbox.Start();
/// services.AddHeloReports(sandbox.Configure);
/// </code>
/// </example>
public sealed partial class ReportsSandbox : IDisposable
{
    private readonly SandboxServer _api;
    private readonly SandboxServer _downloads;
    private readonly SandboxStore _store;
    private readonly SandboxKeys _keys = new();
    private readonly RequestLog _log;
    private readonly DownloadHost _downloadHost;
    private readonly WebhookPusher _webhooks;

    // Cancelled first on Dispose: a stalled download or an injected latency ends, so the servers stop at once.
    private readonly CancellationTokenSource _stopping = new();

    private ReportsSandbox(ReportsSandboxOptions options)
    {
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        _log = new RequestLog(TimeProvider);
        _store = new SandboxStore(options, TimeProvider, Faults);
        ApiKey = _keys.Issue(SandboxPlan.Pro);

        // The links need the download host's address, and the host needs the links: its server starts
        // first, and the handler is set before anyone is told the port.
        _downloads = new SandboxServer(context => _downloadHost!.HandleAsync(context));
        DownloadBaseAddress = _downloads.BaseAddress;
        var links = new DownloadLinks(DownloadBaseAddress, new UrlSigner(RandomNumberGenerator.GetBytes(32)), TimeProvider, options.DownloadUrlLifetime);
        _downloadHost = new DownloadHost(_store, links, Faults, _log, options.Seed, options.ArtifactCompression, _stopping.Token);

        _webhooks = new WebhookPusher(TimeProvider, Faults, options.Seed, [.. options.WebhookRetryDelays], _stopping.Token);
        _store.RunCreated = OnRunCreated;
        var apiHost = new ApiHost(_store, _keys, Faults, _log, links, _stopping.Token);
        try
        {
            _api = new SandboxServer(apiHost.HandleAsync, options.ApiPort);
        }
        catch
        {
            // A fixed API port that is taken: the download host already runs and must not be left behind.
            _store.Dispose();
            _webhooks.Dispose();
            _downloads.Dispose();
            throw;
        }

        ApiBaseAddress = new Uri(_api.BaseAddress, "v1/");
    }

    /// <summary>The API's base address, to use as <see cref="ReportsClientOptions.BaseAddress"/>.</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>The download host's base address; every <c>download_url</c> points here.</summary>
    internal Uri DownloadBaseAddress { get; }

    /// <summary>A valid API key on the Pro plan.</summary>
    public string ApiKey { get; }

    /// <summary>The sandbox's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The fault-injection knobs.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>The timeline of runs accepted from now on.</summary>
    public RunTimeline RunTimeline
    {
        get => _store.Timeline;
        set => _store.Timeline = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How the download host compresses the artifacts it serves, from the next download on: switch it
    /// between two downloads of one run to get the same artifact both ways. See <see cref="Testing.ArtifactCompression"/>.
    /// </summary>
    /// <value>Initially <see cref="ReportsSandboxOptions.ArtifactCompression"/>: <see cref="ArtifactCompression.None"/> by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="Testing.ArtifactCompression"/>.</exception>
    internal ArtifactCompression ArtifactCompression
    {
        get => _downloadHost.Compression;
        set => _downloadHost.Compression = ReportsSandboxOptions.Checked(value);
    }

    /// <summary>
    /// The number of data rows of the artifacts of runs accepted from now on, instead of the number their
    /// window gives; <see langword="null"/> to go back to the window's. A run keeps the count it was
    /// accepted with, so its artifact never changes. Such an artifact is generated while it is downloaded,
    /// in constant memory, and sent chunked; see <see cref="ReportsSandboxOptions.ArtifactRowCount"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// sandbox.ArtifactRowCount = 10_000_000;   // the next runs' artifacts have 10 million rows
    /// </code>
    /// </example>
    /// <value>Initially <see cref="ReportsSandboxOptions.ArtifactRowCount"/>: <see langword="null"/> by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    internal long? ArtifactRowCount
    {
        get => _store.ArtifactRowCount;
        set => _store.ArtifactRowCount = ReportsSandboxOptions.CheckedRowCount(value);
    }

    /// <summary>Every request either host received, in order.</summary>
    public IReadOnlyList<SandboxRequest> Requests => _log.Entries;

    /// <summary>Whether any request to the download host carried an <c>Authorization</c> header (it is refused with 400).</summary>
    internal bool DownloadHostSawCredentials => _log.Entries.Any(r => r.Host == "downloads" && r.HadAuthorization);

    /// <summary>The rows generated so far for streamed (row-counted) artifacts, all downloads together.</summary>
    internal long StreamedArtifactRows => _downloadHost.StreamedRows;

    /// <summary>The number of reports held.</summary>
    internal int ReportCount => _store.ReportCount;

    /// <summary>Starts a sandbox on two loopback ports: free ones, unless <see cref="ReportsSandboxOptions.ApiPort"/> names the API's.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The running sandbox. Dispose it to stop both servers.</returns>
    /// <exception cref="IOException"><see cref="ReportsSandboxOptions.ApiPort"/> is taken.</exception>
    public static ReportsSandbox Start(ReportsSandboxOptions? options = null) => new(options ?? new ReportsSandboxOptions());

    /// <summary>Issues another API key, for example one on <see cref="SandboxPlan.Starter"/> to see <c>feature_not_in_plan</c>.</summary>
    /// <param name="plan">The key's plan.</param>
    /// <returns>The new key.</returns>
    public string IssueApiKey(SandboxPlan plan) => _keys.Issue(plan);

    /// <summary>Points client options at the sandbox: its base address and its Pro key.</summary>
    /// <param name="options">The options to set, as given to <c>AddHeloReports</c>.</param>
    public void Configure(ReportsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApiKey = ApiKey;
        options.BaseAddress = ApiBaseAddress;
    }

    /// <summary>Creates a standalone client for the sandbox.</summary>
    /// <param name="configure">Further settings, applied after the sandbox's own.</param>
    /// <returns>The client; dispose it when done.</returns>
    public ReportsClient CreateClient(Action<ReportsClientOptions>? configure = null)
    {
        var options = new ReportsClientOptions { TimeProvider = TimeProvider };
        Configure(options);
        configure?.Invoke(options);
        return new ReportsClient(options);
    }

    /// <summary>Makes every download URL issued so far for a run stop working now (the host answers 403); the next run status gives a fresh one.</summary>
    /// <param name="runId">The run.</param>
    public void ExpireDownloadUrl(string runId) => _store.ExpireDownloadUrls(runId);

    /// <summary>Forgets the request log.</summary>
    public void ClearRequests() => _log.Clear();

    /// <summary>Stops both servers.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _store.Dispose();
        _webhooks.Dispose();
        _api.Dispose();
        _downloads.Dispose();
        _stopping.Dispose();
    }
}
