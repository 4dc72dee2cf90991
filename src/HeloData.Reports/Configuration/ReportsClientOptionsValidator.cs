using Microsoft.Extensions.Options;

namespace HeloData.Reports;

/// <summary>
/// Validates <see cref="ReportsClientOptions"/>, every rule in code in one place (no data annotations:
/// they would add a second validator, and its reflection-free generated twin, for two rules), each
/// message naming the setting where the user set it (<c>HeloReports:ApiKey</c>, <c>HELODATA_BASE_URL</c>,
/// or <c>ReportsClientOptions.ApiKey</c> for code: <see cref="SettingSources"/>) and never the key.
/// </summary>
internal sealed class ReportsClientOptionsValidator(bool readsEnvironment) : IValidateOptions<ReportsClientOptions>
{
    /// <summary>Under <c>AddHeloReports</c>, which falls back to the environment: a missing key names the variable too.</summary>
    public static ReportsClientOptionsValidator Instance { get; } = new(readsEnvironment: true);

    /// <summary>For <c>new ReportsClient(options)</c>, which never reads the environment: a missing key names the option alone.</summary>
    public static ReportsClientOptionsValidator Standalone { get; } = new(readsEnvironment: false);

    public ValidateOptionsResult Validate(string? name, ReportsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (ApiKeyProblem(options.ApiKey, options.NameOf(nameof(options.ApiKey), options.ApiKey), options.SectionPath, readsEnvironment) is { } keyProblem)
        {
            builder.AddError(keyProblem);
        }

        var maxRetryAttempts = options.NameOf(nameof(options.MaxRetryAttempts), options.MaxRetryAttempts);
        if (options.MaxRetryAttempts is < 0 or > ReportsClientDefaults.MaxRetryAttemptsLimit)
        {
            builder.AddError($"{maxRetryAttempts} is {options.MaxRetryAttempts}; it must be between 0 and {ReportsClientDefaults.MaxRetryAttemptsLimit}.");
        }

        var baseAddress = options.NameOf(nameof(options.BaseAddress), options.BaseAddress);
        if (!options.BaseAddress.IsAbsoluteUri)
        {
            builder.AddError($"{baseAddress} must be an absolute URI, such as {ReportsClientDefaults.BaseAddress}.");
        }
        else if (options.BaseAddress.Scheme != Uri.UriSchemeHttps
            && !(options.BaseAddress.Scheme == Uri.UriSchemeHttp && options.BaseAddress.IsLoopback))
        {
            builder.AddError(
                $"{baseAddress} '{Printable(options.BaseAddress)}' must use https; plain http is allowed only for a loopback host, so the API key never crosses a network in clear text.");
        }

        CheckRange(builder, options, nameof(options.AttemptTimeout), options.AttemptTimeout, ReportsClientDefaults.MinTimeout, ReportsClientDefaults.MaxAttemptTimeout);
        CheckRange(builder, options, nameof(options.TotalTimeout), options.TotalTimeout, ReportsClientDefaults.MinTimeout, ReportsClientDefaults.MaxTotalTimeout);
        CheckRange(builder, options, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero, ReportsClientDefaults.MaxRetryBaseDelay);
        CheckRange(builder, options, nameof(options.MaxRetryAfter), options.MaxRetryAfter, TimeSpan.Zero, ReportsClientDefaults.MaxMaxRetryAfter);
        CheckRange(builder, options, nameof(options.DownloadIdleTimeout), options.DownloadIdleTimeout, ReportsClientDefaults.MinTimeout, ReportsClientDefaults.MaxDownloadIdleTimeout);

        if (options.AttemptTimeout > options.TotalTimeout)
        {
            builder.AddError(
                $"{options.NameOf(nameof(options.AttemptTimeout), options.AttemptTimeout)} ({options.AttemptTimeout}) must not exceed {options.NameOf(nameof(options.TotalTimeout), options.TotalTimeout)} ({options.TotalTimeout}).");
        }

        return builder.Build();
    }

    /// <summary>
    /// Says what is wrong with an API key, never quoting it, naming it <paramref name="name"/> (where it
    /// was set). A key travels in a header, so only printable ASCII without spaces can be sent; anything
    /// else (a trailing newline from a file or a secret store, most often) would fail every call as a
    /// transport error, so it is refused at start. A missing key names both places it may be set: the
    /// configuration key (in <paramref name="sectionPath"/>, when options were bound from a section) and,
    /// when <paramref name="readsEnvironment"/>, the environment variable.
    /// </summary>
    internal static string? ApiKeyProblem(string? key, string name, string? sectionPath = null, bool readsEnvironment = false)
    {
        if (string.IsNullOrEmpty(key))
        {
            var where = sectionPath is null ? name : SettingSources.KeyOf(sectionPath, nameof(ReportsClientOptions.ApiKey));
            var variable = readsEnvironment ? $" or the {ReportsClientOptions.ApiKeyEnvironmentVariable} environment variable" : string.Empty;
            return $"No API key: set {where}{variable} to your HeloData API key.";
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            return $"{name} is only white space: set it to your HeloData API key.";
        }

        foreach (var c in key)
        {
            if (c is <= ' ' or > '~')
            {
                var kind = char.IsWhiteSpace(c) ? "white space" : char.IsControl(c) ? "a control character" : "a non-ASCII character";
                return $"{name} contains {kind}, which an API key cannot hold (a trailing newline from a file or secret store is the usual cause); set it to the key alone.";
            }
        }

        return null;
    }

    /// <summary>Checks a key given to a constructor, blaming the parameter by its own name (never quoting the key).</summary>
    /// <exception cref="ArgumentException">The key is missing or cannot be sent in a header.</exception>
    internal static string CheckKey(string apiKey, string paramName) =>
        (string.IsNullOrEmpty(apiKey) ? $"{paramName} is required: pass your HeloData API key." : ApiKeyProblem(apiKey, paramName)) is { } problem
            ? throw new ArgumentException(problem, paramName)
            : apiKey;

    /// <summary>
    /// An address fit for a message or a log: scheme, host, port and path, since a user name, password or
    /// query in it may be a credential. A relative address (invalid anyway) is not shown at all.
    /// </summary>
    internal static string Printable(Uri address) =>
        address.IsAbsoluteUri ? address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(not an absolute URI)";

    // TimeSpan bounds are checked here: RangeAttribute(typeof(TimeSpan), …) is not trim-safe.
    private static void CheckRange(ValidateOptionsResultBuilder builder, ReportsClientOptions options, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            builder.AddError($"{options.NameOf(setting, value)} is {value}; it must be between {min} and {max}.");
        }
    }
}
