using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Cli.Collect;

/// <summary>
/// <c>collect</c>'s progress on stderr: the collector's own log lines (a run collected, a gap found, a claim taken
/// over) and warnings from everything else (the client's retries, the stores), one plain line each. The collector's
/// messages carry no secret (no URL query, no connection string password), so they are printed as they are.
/// </summary>
internal sealed class ProgressLoggerProvider(TextWriter error) : ILoggerProvider
{
    private const string CollectorCategory = "HeloData.Reports.Collector";

    public ILogger CreateLogger(string categoryName) => new Logger(error, categoryName.StartsWith(CollectorCategory, StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter error, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var prefix = logLevel switch
            {
                LogLevel.Warning => "warning: ",
                >= LogLevel.Error => "error: ",
                _ => string.Empty,
            };
            // The exception's message, not its stack: a stack trace is for a bug report, and exit code 1 says so.
            var cause = exception is null ? string.Empty : $" ({Messages.Of(exception)})";
            error.WriteLine($"{prefix}{formatter(state, exception)}{cause}");
        }
    }
}
