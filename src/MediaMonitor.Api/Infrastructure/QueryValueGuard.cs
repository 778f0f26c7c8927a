using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using Wolverine.Http;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Query values are input like bodies: each key and value must be text (<see cref="TextRules"/>: PostgreSQL refuses NUL
/// in a query parameter), else 400 naming the parameter. And every time a query value gives is read as UTC, whatever
/// offset it was written with (none means UTC), so the endpoints and PostgreSQL only ever see UTC: Npgsql writes
/// only offset 0 to timestamptz.
/// </summary>
public static class QueryValueGuard
{
    private static readonly ConcurrentDictionary<Endpoint, string[]> TimeParameters = new();

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var query = context.Request.Query;
        if (query.Count == 0)
        {
            await next(context);
            return;
        }

        foreach (var (key, values) in query)
        {
            var problem = TextRules.Problem(key) is { } p ? $"The parameter name: {p}"
                : values.Select(v => v is null ? null : TextRules.Problem(v)).FirstOrDefault(x => x is not null);
            if (problem is null) continue;
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query value.",
                detail: $"The value of '{Printable(key)}' is not text. {problem}").ExecuteAsync(context);
            return;
        }

        var times = context.GetEndpoint() is { } endpoint ? TimeParameters.GetOrAdd(endpoint, TimesOf) : [];
        if (times.Any(query.ContainsKey))
        {
            var utc = new QueryBuilder();
            foreach (var (key, values) in query)
            {
                var inTime = times.Contains(key, StringComparer.OrdinalIgnoreCase);
                foreach (var value in values) utc.Add(key, inTime ? InUtc(value) : value ?? "");
            }
            context.Request.QueryString = utc.ToQueryString();
        }
        await next(context);
    }

    /// <summary>A value that does not parse is left as it is, for Wolverine to refuse with its own 400.</summary>
    private static string InUtc(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time.ToString("O", CultureInfo.InvariantCulture)
            : value ?? "";

    /// <summary>The query keys an endpoint binds to a time (Wolverine binds every DateTimeOffset argument from the query).</summary>
    private static string[] TimesOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpChain>()?.Method.Method.GetParameters()
            .Where(p => p.ParameterType == typeof(DateTimeOffset) || p.ParameterType == typeof(DateTimeOffset?))
            .Select(p => (p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), false).FirstOrDefault()
                as Microsoft.AspNetCore.Mvc.FromQueryAttribute)?.Name ?? p.Name!)
            .ToArray() ?? [];

    private static string Printable(string key) => TextRules.FirstRefused(key) < 0 ? key : "(a name that is not text)";
}
