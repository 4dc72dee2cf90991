using System.Net;

namespace HeloData.Reports.Testing;

/// <summary>Settings of a <see cref="ReportsSandbox"/>.</summary>
public sealed class ReportsSandboxOptions
{
    private ArtifactCompression _artifactCompression;
    private long? _artifactRowCount;
    private int _apiPort;

    /// <summary>The clock for timestamps, run timelines, URL expiry and retention. Use a fake one to move time in tests.</summary>
    /// <value>The default is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Seeds ids and artifact data, so a run of a test produces the same data every time.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>The timeline of every run the sandbox accepts (change it any time with <see cref="ReportsSandbox.RunTimeline"/>).</summary>
    /// <value>The default is <see cref="Testing.RunTimeline.Default"/>: 1 s queued, 2 s running.</value>
    public RunTimeline RunTimeline { get; set; } = RunTimeline.Default;

    /// <summary>How long a signed download URL stays valid.</summary>
    /// <value>The default value is 1 hour, as the published API page says.</value>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long runs and their artifacts are kept.</summary>
    /// <value>The default value is 90 days, as the published API page says.</value>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How the download host compresses artifacts (change it any time with <see cref="ReportsSandbox.ArtifactCompression"/>).
    /// </summary>
    /// <value>The default is <see cref="Testing.ArtifactCompression.None"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="Testing.ArtifactCompression"/>.</exception>
    public ArtifactCompression ArtifactCompression
    {
        get => _artifactCompression;
        set => _artifactCompression = Checked(value);
    }

    /// <summary>
    /// The number of data rows of every run's artifact, instead of the number its window gives; a large
    /// value makes a large artifact (10 million rows of <c>traffic</c> make a CSV of about 460 MB), generated as it
    /// is downloaded, never held in memory, and sent with chunked transfer encoding (no
    /// <c>Content-Length</c>). Change it any time with <see cref="ReportsSandbox.ArtifactRowCount"/>.
    /// </summary>
    /// <remarks>
    /// The first rows are the window's own; beyond them the window's rows repeat with fresh numbers, so
    /// columns, types, value ranges and dates stay as <c>docs/artifacts.md</c> describes, but keys (a day,
    /// sub-user and product of <c>traffic</c>, say) repeat and the order starts over with each repetition.
    /// Parquet gets one row group per 100,000 rows. Such an artifact is as deterministic as any other.
    /// </remarks>
    /// <value>The default is <see langword="null"/>: the window decides, and artifacts stay small.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long? ArtifactRowCount
    {
        get => _artifactRowCount;
        set => _artifactRowCount = CheckedRowCount(value);
    }

    /// <summary>
    /// The loopback port of the API host, so its base address can be known before it starts (a
    /// command-line sandbox, a fixed <c>HELODATA_BASE_URL</c>); 0 takes a free port. The download host always
    /// takes a free port: clients find it in the <c>download_url</c>s.
    /// </summary>
    /// <value>The default is 0: a free port.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not 0 to 65535.</exception>
    public int ApiPort
    {
        get => _apiPort;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, IPEndPoint.MaxPort);
            _apiPort = value;
        }
    }

    /// <summary>
    /// The waits between webhook delivery attempts: after the first attempt fails, the sandbox tries again
    /// after the first wait, and so on; when they run out it gives up. The service spreads its 8 attempts over
    /// about 24 hours; the sandbox's default compresses that to seconds.
    /// </summary>
    /// <value>The default is 7 waits, 1, 2, 4, 8, 16, 32 and 64 seconds (8 attempts in about two minutes).</value>
    public IList<TimeSpan> WebhookRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(32), TimeSpan.FromSeconds(64)];

    internal static ArtifactCompression Checked(ArtifactCompression value) =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not an {nameof(Testing.ArtifactCompression)} value.");

    internal static long? CheckedRowCount(long? value)
    {
        if (value is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(value));
        }

        return value;
    }
}
