using System.Collections.Concurrent;

namespace MediaMonitor.Fuzz.Http;

/// <summary>One entry the service logged at Error or above, with the request it was logged under when there was one.</summary>
public sealed record LoggedError(
    DateTimeOffset At, LogLevel Level, string Category, string FirstLine, string? ExceptionType, string? RequestPath, string? CorrelationId)
{
    public override string ToString() =>
        $"{Level} {Category}{(RequestPath is null ? "" : $" ({RequestPath})")}: {(ExceptionType is null ? "" : ExceptionType + ": ")}{FirstLine}";
}

/// <summary>
/// The in-process service's log at Error and above. A client's mistake must be answered, not logged as a server
/// error: an error entry is either a bug or on <see cref="ErrorLogAllowlist"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private const int Kept = 5_000;

    private readonly ConcurrentQueue<LoggedError> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _count;

    public IReadOnlyList<LoggedError> Entries => _entries.ToList();

    /// <summary>Every entry seen, including those past the kept ones.</summary>
    public int Count => _count;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(LoggedError entry)
    {
        if (Interlocked.Increment(ref _count) <= Kept) _entries.Enqueue(entry);
    }

    private static string Describe(Exception e) => $"{e.GetType().FullName} ({e.Message.Split('\n', 2)[0].TrimEnd('\r')})";

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            string? path = null, correlation = null;
            owner._scopes.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        if (key == "RequestPath") path = value?.ToString();
                        if (key == MediaMonitor.Audit.CorrelationMiddleware.ScopeKey) correlation = value?.ToString();
                    }
                }
            }, (object?)null);
            var message = formatter(state, exception);
            var firstLine = message.Split('\n', 2)[0].TrimEnd('\r');
            var exceptionLine = exception is null ? null : Describe(exception);
            // The root cause too: a wrapper such as an agent's start failure says little by itself.
            var root = exception;
            while (root?.InnerException is not null) root = root.InnerException;
            if (root is not null && root != exception) exceptionLine += $" <- {Describe(root)}";
            owner.Add(new LoggedError(DateTimeOffset.UtcNow, logLevel, category, firstLine, exceptionLine, path, correlation));
        }
    }
}
