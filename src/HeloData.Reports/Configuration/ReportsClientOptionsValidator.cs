using Microsoft.Extensions.Options;

namespace HeloData.Reports;

/// <summary>
/// Validates <see cref="ReportsClientOptions"/>, every rule in code in one place (no data annotations:
/// they would add a second validator, and its reflection-free generated twin, for two rules), each
/// message naming the setting and never the key.
/// </summary>
internal sealed class ReportsClientOptionsValidator : IValidateOptions<ReportsClientOptions>
{
    public static ReportsClientOptionsValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, ReportsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            builder.AddError("ReportsClientOptions.ApiKey is required: set it to your HeloData API key.");
        }
        else if (ApiKeyProblem(options.ApiKey) is { } problem)
        {
            builder.AddError(problem);
        }

        if (options.MaxRetryAttempts is < 0 or > ReportsClientDefaults.MaxRetryAttemptsLimit)
        {
            builder.AddError($"ReportsClientOptions.MaxRetryAttempts is {options.MaxRetryAttempts}; it must be between 0 and {ReportsClientDefaults.MaxRetryAttemptsLimit}.");
        }

        if (options.BaseAddress is null)
        {
            builder.AddError("ReportsClientOptions.BaseAddress is required.");
        }
        else if (!options.BaseAddress.IsAbsoluteUri)
        {
            builder.AddError($"ReportsClientOptions.BaseAddress '{options.BaseAddress}' must be an absolute URI.");
        }
        else if (options.BaseAddress.Scheme != Uri.UriSchemeHttps
            && !(options.BaseAddress.Scheme == Uri.UriSchemeHttp && options.BaseAddress.IsLoopback))
        {
            builder.AddError(
                $"ReportsClientOptions.BaseAddress '{options.BaseAddress}' must use https; plain http is allowed only for a loopback host, so the API key never crosses a network in clear text.");
        }

        CheckRange(builder, nameof(options.AttemptTimeout), options.AttemptTimeout, ReportsClientDefaults.MinTimeout, ReportsClientDefaults.MaxAttemptTimeout);
        CheckRange(builder, nameof(options.TotalTimeout), options.TotalTimeout, ReportsClientDefaults.MinTimeout, ReportsClientDefaults.MaxTotalTimeout);
        CheckRange(builder, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero, ReportsClientDefaults.MaxRetryBaseDelay);
        CheckRange(builder, nameof(options.MaxRetryAfter), options.MaxRetryAfter, TimeSpan.Zero, ReportsClientDefaults.MaxMaxRetryAfter);
        CheckRange(builder, nameof(options.DownloadIdleTimeout), options.DownloadIdleTimeout, ReportsClientDefaults.MinTimeout, ReportsClientDefaults.MaxDownloadIdleTimeout);

        if (options.AttemptTimeout > options.TotalTimeout)
        {
            builder.AddError(
                $"ReportsClientOptions.AttemptTimeout ({options.AttemptTimeout}) must not exceed ReportsClientOptions.TotalTimeout ({options.TotalTimeout}).");
        }

        return builder.Build();
    }

    /// <summary>
    /// Says what is wrong with a non-empty API key, never quoting it. A key travels in a header, so only
    /// printable ASCII without spaces can be sent; anything else (a trailing newline from a file or a
    /// secret store, most often) would fail every call as a transport error, so it is refused at start.
    /// </summary>
    internal static string? ApiKeyProblem(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "ReportsClientOptions.ApiKey is only white space: set it to your HeloData API key.";
        }

        foreach (var c in key)
        {
            if (c is <= ' ' or > '~')
            {
                var kind = char.IsWhiteSpace(c) ? "white space" : char.IsControl(c) ? "a control character" : "a non-ASCII character";
                return $"ReportsClientOptions.ApiKey contains {kind}, which an API key cannot hold (a trailing newline from a file or secret store is the usual cause); set it to the key alone.";
            }
        }

        return null;
    }

    // TimeSpan bounds are checked here: RangeAttribute(typeof(TimeSpan), …) is not trim-safe.
    private static void CheckRange(ValidateOptionsResultBuilder builder, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            builder.AddError($"ReportsClientOptions.{setting} is {value}; it must be between {min} and {max}.");
        }
    }
}
