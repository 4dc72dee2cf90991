using Microsoft.Extensions.Configuration;

namespace HeloData.Reports;

/// <summary>
/// Where <see cref="ReportsClientOptions"/> come from besides code, under <c>AddHeloReports</c> (a client
/// built with <c>new ReportsClient(…)</c> never reads the environment): a value set in configuration or
/// code wins, and the environment
/// (<see cref="ReportsClientOptions.ApiKeyEnvironmentVariable"/>, <see cref="ReportsClientOptions.BaseAddressEnvironmentVariable"/>)
/// only fills the key and the address they leave unset. Each value's source is recorded, so a message
/// names the key the user set (<c>HeloReports:ApiKey</c>, <c>HELODATA_BASE_URL</c>), never the value.
/// </summary>
internal static class SettingSources
{
    // The settings configuration can hold (TimeProvider and LoggerFactory are objects, not settings).
    private static readonly (string Name, Func<ReportsClientOptions, object?> Value)[] Settings =
    [
        (nameof(ReportsClientOptions.ApiKey), o => o.ApiKey),
        (nameof(ReportsClientOptions.BaseAddress), o => o.BaseAddress),
        (nameof(ReportsClientOptions.AttemptTimeout), o => o.AttemptTimeout),
        (nameof(ReportsClientOptions.TotalTimeout), o => o.TotalTimeout),
        (nameof(ReportsClientOptions.MaxRetryAttempts), o => o.MaxRetryAttempts),
        (nameof(ReportsClientOptions.RetryBaseDelay), o => o.RetryBaseDelay),
        (nameof(ReportsClientOptions.MaxRetryAfter), o => o.MaxRetryAfter),
        (nameof(ReportsClientOptions.DownloadIdleTimeout), o => o.DownloadIdleTimeout),
    ];

    /// <summary>Records the section just bound to <paramref name="options"/>, and under which key each setting it holds came.</summary>
    public static void RecordSection(ReportsClientOptions options, IConfiguration section)
    {
        options.SectionPath = (section as IConfigurationSection)?.Path ?? string.Empty;
        foreach (var (name, value) in Settings)
        {
            if (section[name] is not null)
            {
                options.Sources[name] = (value(options), KeyOf(options.SectionPath, name));
            }
        }
    }

    /// <summary>The configuration key of <paramref name="setting"/> in the section at <paramref name="sectionPath"/>.</summary>
    public static string KeyOf(string sectionPath, string setting) =>
        sectionPath.Length == 0 ? setting : $"{sectionPath}:{setting}";

    /// <summary>Fills an unset key and address from <paramref name="environment"/>.</summary>
    /// <returns>What is wrong with the environment's address, or <see langword="null"/>.</returns>
    public static string? ApplyEnvironment(ReportsClientOptions options, EnvironmentSource environment)
    {
        if (string.IsNullOrEmpty(options.ApiKey) && environment[ReportsClientOptions.ApiKeyEnvironmentVariable] is { Length: > 0 } key)
        {
            options.ApiKey = key;
            options.Sources[nameof(options.ApiKey)] = (key, ReportsClientOptions.ApiKeyEnvironmentVariable);
        }

        if (options.HasBaseAddress || environment[ReportsClientOptions.BaseAddressEnvironmentVariable] is not { Length: > 0 } url)
        {
            return null;
        }

        // Not quoted: a malformed URL may still carry a user name, a password or a signed query.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            return $"{ReportsClientOptions.BaseAddressEnvironmentVariable} is not an absolute URL: set it to the API's address, such as {ReportsClientDefaults.BaseAddress}, or unset it.";
        }

        options.BaseAddress = address;
        options.Sources[nameof(options.BaseAddress)] = (address, ReportsClientOptions.BaseAddressEnvironmentVariable);
        return null;
    }
}
