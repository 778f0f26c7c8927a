using System.Collections.Concurrent;
using MediaMonitor.Audit;
using Microsoft.Extensions.Logging;

namespace MediaMonitor.IntegrationTests;

/// <summary>
/// Every log entry the host writes at Warning or above, with the correlation id of the request it was written for
/// (none for background work), so a test can ask what its own requests logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception, string? CorrelationId);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IEnumerable<Entry> For(string correlationId) => _entries.Where(e => e.CorrelationId == correlationId);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    /// <summary>The correlation id of the request the entry is written for: its logging scope.</summary>
    private string? CorrelationId()
    {
        string? id = null;
        _scopes.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                foreach (var (key, value) in pairs)
                    if (key == CorrelationMiddleware.ScopeKey) id = value?.ToString();
        }, (object?)null);
        return id;
    }

    private sealed class Logger(string category, LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception, owner.CorrelationId()));
        }
    }
}
