using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HeloData.Reports.Tests.Support;

/// <summary>Captures every log entry at every level, formatted, with its exception text.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Every line of output, message and exception alike, as one text.</summary>
    public string AllText => string.Join(Environment.NewLine, _entries.Select(e => $"{e.Category} {e.Level} {e.Message} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, string? Exception);

    private sealed class Logger(string category, LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), exception?.ToString()));
        }
    }
}
