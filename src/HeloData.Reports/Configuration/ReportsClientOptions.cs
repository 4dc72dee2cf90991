using Microsoft.Extensions.Logging;

namespace HeloData.Reports;

/// <summary>
/// Settings of the HeloData Reports client: the API key, the service address, and the timeouts and
/// retries of its transport. Bind them from the configuration section <c>HeloReports</c>
/// (<c>HeloReports:ApiKey</c>, …) or set them in code; they are validated when the application starts.
/// Under <c>AddHeloReports</c>, an <see cref="ApiKey"/> or <see cref="BaseAddress"/> left unset there is
/// read from the environment variable <see cref="ApiKeyEnvironmentVariable"/> or
/// <see cref="BaseAddressEnvironmentVariable"/>; <c>new ReportsClient(options)</c> never reads the
/// environment, and uses these settings as they are.
/// </summary>
public sealed class ReportsClientOptions
{
    /// <summary>The environment variable <c>AddHeloReports</c> reads an unset <see cref="ApiKey"/> from, as the CLI and the sandbox print it.</summary>
    public const string ApiKeyEnvironmentVariable = "HELODATA_API_KEY";

    /// <summary>The environment variable <c>AddHeloReports</c> reads an unset <see cref="BaseAddress"/> from, as the CLI and the sandbox print it.</summary>
    public const string BaseAddressEnvironmentVariable = "HELODATA_BASE_URL";

    private static readonly Uri DefaultBaseAddress = new(ReportsClientDefaults.BaseAddress);
    private Uri? _baseAddress;

    /// <summary>The API key sent as <c>Authorization: Bearer …</c>. Required.</summary>
    /// <remarks>
    /// It is a secret: never logged, never part of an exception, and <see cref="ToString"/> hides it. Left
    /// unset (or empty) under <c>AddHeloReports</c>, it is read from <see cref="ApiKeyEnvironmentVariable"/>:
    /// a key set in configuration or code wins. <c>new ReportsClient(options)</c> requires it here.
    /// </remarks>
    public string? ApiKey { get; set; }

    /// <summary>The API's base address, ending in <c>/</c>. Must be absolute https; plain http only for a loopback host.</summary>
    /// <value>The default value is <c>https://api.helodata.com/v1/</c>.</value>
    /// <remarks>
    /// Left unset under <c>AddHeloReports</c>, it is read from <see cref="BaseAddressEnvironmentVariable"/>,
    /// if that is set: an address set in configuration or code wins. <c>new ReportsClient(options)</c> uses
    /// this property's value, the default when unset. Setting <see langword="null"/> unsets it: it reads
    /// as the default again (and <c>AddHeloReports</c> may fill it from the environment).
    /// </remarks>
    public Uri BaseAddress
    {
        get => _baseAddress ?? DefaultBaseAddress;
        set => _baseAddress = value;
    }

    /// <summary>How long one attempt may take before it is abandoned (and retried where safe).</summary>
    /// <value>The default value is 30 seconds. Allowed: 1 ms to 1 hour, and at most <see cref="TotalTimeout"/>.</value>
    public TimeSpan AttemptTimeout { get; set; } = ReportsClientDefaults.AttemptTimeout;

    /// <summary>How long one call may take in all, retries and their delays included.</summary>
    /// <value>The default value is 3 minutes. Allowed: 1 ms to 1 day.</value>
    public TimeSpan TotalTimeout { get; set; } = ReportsClientDefaults.TotalTimeout;

    /// <summary>How many times a failed call is retried (where retrying is safe). 0 turns retries off.</summary>
    /// <value>The default value is 3 retries. Allowed: 0 to 10.</value>
    public int MaxRetryAttempts { get; set; } = ReportsClientDefaults.MaxRetryAttempts;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    /// <value>The default value is 1 second. Allowed: 0 to 10 minutes.</value>
    public TimeSpan RetryBaseDelay { get; set; } = ReportsClientDefaults.RetryBaseDelay;

    /// <summary>
    /// The longest <c>Retry-After</c> the client will wait out by itself. A longer one fails the call at
    /// once with <c>rate_limited</c> (or the status's code) and the requested wait in
    /// <see cref="ReportsException.RetryAfter"/>, so the application decides.
    /// </summary>
    /// <value>The default value is 60 seconds. Allowed: 0 to 1 hour.</value>
    public TimeSpan MaxRetryAfter { get; set; } = ReportsClientDefaults.MaxRetryAfter;

    /// <summary>
    /// The longest the download host may stay silent while an artifact is fetched: before its answer
    /// starts, and while a read of the body waits for bytes. A silent host then fails the download with
    /// <c>timeout</c> (which <c>DownloadToFileAsync</c> restarts). Time the application spends between
    /// reads of an <c>OpenReadAsync</c> stream does not count.
    /// </summary>
    /// <value>The default value is 60 seconds. Allowed: 1 ms to 1 hour.</value>
    public TimeSpan DownloadIdleTimeout { get; set; } = ReportsClientDefaults.DownloadIdleTimeout;

    /// <summary>
    /// The clock of a client built with <c>new ReportsClient(options)</c>, for its timeouts, retry delays
    /// and waits; <see langword="null"/> for the system clock. Under dependency injection the container's
    /// <see cref="System.TimeProvider"/>, if any, is used instead.
    /// </summary>
    /// <value>The default value is <see langword="null"/>. Not read from configuration.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Where a client built with <c>new ReportsClient(options)</c> writes its log lines (a Debug line per
    /// HTTP attempt, a Warning per retry); <see langword="null"/> for none. Under dependency injection the
    /// container's logging is used instead.
    /// </summary>
    /// <value>The default value is <see langword="null"/>. Not read from configuration.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Whether <see cref="BaseAddress"/> was set, by configuration or code, rather than left at its default.</summary>
    internal bool HasBaseAddress => _baseAddress is not null;

    /// <summary>Where a setting's value came from when not from code: (the value then, the configuration key or environment variable).</summary>
    internal Dictionary<string, (object? Value, string Name)> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>The configuration section bound to these options (<c>HeloReports</c>), to say where an unset key belongs.</summary>
    internal string? SectionPath { get; set; }

    /// <summary>
    /// The name to give <paramref name="setting"/> in a message: the configuration key or environment
    /// variable it came from, while it still holds that value, else <c>ReportsClientOptions.Setting</c>.
    /// </summary>
    internal string NameOf(string setting, object? value) =>
        Sources.TryGetValue(setting, out var source) && Equals(source.Value, value) ? source.Name : $"{nameof(ReportsClientOptions)}.{setting}";

    /// <summary>Describes the settings, with the API key hidden and the address without user info or query.</summary>
    /// <returns>The settings as text, safe to log.</returns>
    public override string ToString() =>
        $"BaseAddress={ReportsClientOptionsValidator.Printable(BaseAddress)}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, " +
        $"AttemptTimeout={AttemptTimeout}, TotalTimeout={TotalTimeout}, MaxRetryAttempts={MaxRetryAttempts}, " +
        $"RetryBaseDelay={RetryBaseDelay}, MaxRetryAfter={MaxRetryAfter}, DownloadIdleTimeout={DownloadIdleTimeout}";
}
