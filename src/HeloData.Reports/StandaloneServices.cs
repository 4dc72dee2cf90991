using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeloData.Reports;

/// <summary>
/// The container behind a client built without dependency injection: the very registration an
/// application gets from <c>AddHeloReports</c>, over a copy of the caller's options, so there is one
/// wiring of handlers, resilience and downloads, not two kept in step.
/// </summary>
internal static class StandaloneServices
{
    /// <exception cref="ArgumentException">A setting is invalid; the message names it (never the key).</exception>
    public static ServiceProvider Build(ReportsClientOptions options, EnvironmentSource? environment = null)
    {
        // Filled from the environment as AddHeloReports fills them, then validated at once: there is no host start.
        var settings = Copy(options);
        if (SettingSources.ApplyEnvironment(settings, environment ?? EnvironmentSource.Process) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var result = ReportsClientOptionsValidator.Instance.Validate(null, settings);
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
        services.AddHeloReports();
        return services.BuildServiceProvider();
    }

    // A snapshot: changing the caller's options object later must not change a client already built.
    // An address left at its default stays unset in the copy, so the environment can still fill it.
    private static ReportsClientOptions Copy(ReportsClientOptions options)
    {
        var copy = new ReportsClientOptions
        {
            ApiKey = options.ApiKey,
            AttemptTimeout = options.AttemptTimeout,
            TotalTimeout = options.TotalTimeout,
            MaxRetryAttempts = options.MaxRetryAttempts,
            RetryBaseDelay = options.RetryBaseDelay,
            MaxRetryAfter = options.MaxRetryAfter,
            DownloadIdleTimeout = options.DownloadIdleTimeout,
        };
        if (options.HasBaseAddress)
        {
            copy.BaseAddress = options.BaseAddress;
        }

        return copy;
    }
}
