using System.Security.Claims;

namespace MediaMonitor.Audit;

/// <summary>
/// Gives every request a correlation id, the caller's own <c>X-Correlation-Id</c> when it is a sensible one, else a
/// new one, and answers with it. Wolverine reads the same request header for the sessions and messages it starts, so
/// the events a request causes, directly or through messages, carry that id.
/// </summary>
public static class CorrelationMiddleware
{
    public const string Header = "X-Correlation-Id";
    public const int MaxLength = 128;

    public static bool IsAcceptable(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var given = context.Request.Headers[Header].ToString();
        var id = IsAcceptable(given) ? given : Guid.CreateVersion7().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.Headers[Header] = id;
        var actor = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.Name) : null;
        AuditContext.Current = new AuditContext(id, actor ?? "anonymous");
        try
        {
            await next(context);
        }
        finally
        {
            AuditContext.Current = null;
        }
    });
}
