using Microsoft.Extensions.DependencyInjection;

namespace HeloData.Reports;

/// <summary>
/// The default of every <see cref="ReportsClientOptions"/> setting, in one place: the property
/// initialisers, the validation bounds and the XML docs all read from here.
/// </summary>
internal static class ReportsClientDefaults
{
    /// <summary>The name of the <see cref="HttpClient"/> the SDK registers with <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "HeloData.Reports";

    /// <summary>The name of the download host's <see cref="HttpClient"/>, which never carries the API key.</summary>
    public const string DownloadHttpClientName = "HeloData.Reports.Downloads";

    /// <summary>Wire assumption: the production base address. The trailing slash matters: paths are appended to it.</summary>
    public const string BaseAddress = "https://api.helodata.com/v1/";

    public const int MaxRetryAttempts = 3;
    public const int MaxRetryAttemptsLimit = 10;

    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxMaxRetryAfter = TimeSpan.FromHours(1);

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan DownloadIdleTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaxDownloadIdleTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// The most connections the API client opens to its host. Many concurrent waits then share a small
    /// pool instead of opening one socket each (see docs/benchmarks.md); a queued request waits
    /// milliseconds, well inside the attempt timeout. An application can raise it through the
    /// <see cref="IHttpClientBuilder"/> that <c>AddHeloReports</c> returns.
    /// </summary>
    public const int MaxConnectionsPerServer = 16;

    /// <summary>
    /// How long a pooled connection of the API client lives: the client is long-lived, so this is what
    /// makes it see DNS changes (rather than the factory's handler rotation, which it does not use).
    /// </summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);
}
