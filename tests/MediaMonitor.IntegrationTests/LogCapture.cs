using System.Collections.Concurrent;
using MediaMonitor.Audit;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests;

/// <summary>
/// Every log entry the host writes at Warning or above, with the correlation id of the request it was written for
/// (none for background work), so a test can ask what its own requests logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception, string? CorrelationId);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IEnumerable<Entry> For(string correlationId) => _entries.Where(e => e.CorrelationId == correlationId);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception, AuditContext.Current?.CorrelationId));
        }
    }
}
