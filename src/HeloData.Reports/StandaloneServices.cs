using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeloData.Reports;

/// <summary>
/// The container behind a client built without dependency injection: the very registration an
/// application gets from <c>AddHeloReports</c>, over a copy of the caller's options, so there is one
/// wiring of handlers, resilience and downloads, not two kept in step. Unlike <c>AddHeloReports</c>, it
/// never reads the environment: a client built in code uses exactly what it is given (defaults
/// otherwise), so a variable left over in a shell cannot send a key to another host.
/// </summary>
internal static class StandaloneServices
{
    /// <exception cref="ArgumentException">A setting is invalid; the message names it (never the key).</exception>
    public static ServiceProvider Build(ReportsClientOptions options)
    {
        // Validated at once: there is no host start.
        var settings = Copy(options);
        var result = ReportsClientOptionsValidator.Standalone.Validate(null, settings);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        var services = new ServiceCollection();
        services.AddSingleton(options.TimeProvider ?? TimeProvider.System);
        if (options.LoggerFactory is { } loggerFactory)
        {
            services.AddSingleton(loggerFactory);
        }

        services.AddSingleton(Options.Create(settings));
        services.AddSingleton(EnvironmentSource.None); // AddHeloReports' fallback finds nothing here
        services.AddHeloReports();
        return services.BuildServiceProvider();
    }

    // A snapshot: changing the caller's options object later must not change a client already built.
    private static ReportsClientOptions Copy(ReportsClientOptions options) =>
        new()
        {
            ApiKey = options.ApiKey,
            BaseAddress = options.BaseAddress,
            AttemptTimeout = options.AttemptTimeout,
            TotalTimeout = options.TotalTimeout,
            MaxRetryAttempts = options.MaxRetryAttempts,
            RetryBaseDelay = options.RetryBaseDelay,
            MaxRetryAfter = options.MaxRetryAfter,
            DownloadIdleTimeout = options.DownloadIdleTimeout,
        };
}
