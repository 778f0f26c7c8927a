namespace MediaMonitor.Audit;

/// <summary>
/// Gives every request a correlation id, the caller's own <c>X-Correlation-Id</c> when it is a sensible one, else a
/// new one, and answers with it. Wolverine reads the same request header for the sessions and messages it starts, so
/// the events a request causes, directly or through messages, carry that id; and so do the log entries written for it
/// (a logging scope, <see cref="ScopeKey"/>).
/// </summary>
public static class CorrelationMiddleware
{
    public const string Header = "X-Correlation-Id";
    public const int MaxLength = 128;
    public const string ScopeKey = "CorrelationId";

    public static bool IsAcceptable(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var given = context.Request.Headers[Header].ToString();
        var id = IsAcceptable(given) ? given : Guid.CreateVersion7().ToString("N");
        context.Request.Headers[Header] = id;
        // Set as the answer starts: an error handler clears the headers of an answer it replaces.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationMiddleware));
        using (log.BeginScope(new Dictionary<string, object> { [ScopeKey] = id })) await next(context);
    });
}
