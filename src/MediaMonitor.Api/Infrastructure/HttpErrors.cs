using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace MediaMonitor.Infrastructure;

/// <summary>Every failure answers as RFC 7807 problem details with the status that fits it.</summary>
public static class HttpErrors
{
    public static IServiceCollection AddHttpErrors(this IServiceCollection services)
    {
        // Routing would answer a body of another media type with a 415 endpoint of its own, chosen before
        // authorization and carrying none of the real endpoint's policy (a key lacking the scope heard 415, not 403).
        // Chosen by route and method alone, the endpoint is authorized first and the JSON body guard answers 415.
        var acceptsPolicy = services.SingleOrDefault(d =>
            d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.FullName == "Microsoft.AspNetCore.Routing.Matching.AcceptsMatcherPolicy");
        if (acceptsPolicy is not null) services.Remove(acceptsPolicy);
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (Describe(error) is not { } described) return;
            context.ProblemDetails.Status = described.Status;
            context.ProblemDetails.Title = described.Title;
            context.ProblemDetails.Detail = described.Detail;
            var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpErrors));
            if (described.Status == StatusCodes.Status503ServiceUnavailable)
            {
                // Nothing was accepted, and the client may try again: an operator wants to know the database is away,
                // in one line, not a stack trace per request.
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                log.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason})", context.HttpContext.Request.Method,
                    context.HttpContext.Request.Path, Innermost(error!).Message);
                return;
            }
            // A client's mistake or a lost race: one line for whoever debugs, not an error with a stack trace.
            log.LogDebug("{Method} {Path} answered {Status}: {Detail} ({Exception})", context.HttpContext.Request.Method,
                context.HttpContext.Request.Path, described.Status, described.Detail, error!.GetType().Name);
        });
    }

    public static WebApplication UseHttpErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => Describe(e)?.Status ?? StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => Describe(context.Exception) is not null,
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// After authorization, so a request without a key hears 401 before anything about its input: the nil id, then
    /// query values, then a JSON body, each judged before an endpoint sees it.
    /// </summary>
    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        // A path no endpoint has is 404 for everyone, whatever its query or body.
        app.UseWhen(c => c.GetEndpoint() is not null, guarded =>
        {
            guarded.Use(NilIdGuard.InvokeAsync);
            guarded.Use(QueryValueGuard.InvokeAsync);
            guarded.Use(JsonBodyGuard.InvokeAsync);
        });
        return app;
    }

    private sealed record Described(int Status, string Title, string Detail);

    private static Described? Describe(Exception? error) => error switch
    {
        // Kestrel's own body limit, past the guard (a body read as it streams).
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new(413, "The body is too large.", error.Message),
        BadHttpRequestException bad => new(bad.StatusCode, "The request could not be read.", bad.Message),
        // Marten's keyset paging decodes a feed's cursor deep in the query (CursorPage.ReadAsync) and throws this.
        ArgumentException { ParamName: "cursor" } => new(400, "Invalid cursor.", "The cursor is not one this feed gave out; start again without a cursor."),
        _ when IsLostRace(error) =>
            new(409, "A concurrent change won.", "The resource was changed by another request meanwhile; read it again and retry."),
        _ when IsDatabaseUnavailable(error) =>
            new(503, "The database is unavailable.", $"Nothing was stored; try again in {RetryAfterSeconds} seconds."),
        _ => null,
    };

    /// <summary>How long a client is asked to wait when the database is away: about what a restart of it takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>PostgreSQL stopping, restarting, refusing connections, or out of reach: nothing the request did wrong,
    /// and nothing a retry a little later would not fix.</summary>
    public static bool IsDatabaseUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                     || p.SqlState is Npgsql.PostgresErrorCodes.AdminShutdown or Npgsql.PostgresErrorCodes.CrashShutdown
                                                         or Npgsql.PostgresErrorCodes.CannotConnectNow or Npgsql.PostgresErrorCodes.TooManyConnections:
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null) error = error.InnerException;
        return error;
    }

    /// <summary>What Marten's append function raises when a stream moved past the version a session expected.</summary>
    private const string MartenStreamVersionMismatch = "MT003";

    /// <summary>Two changes to one stream or document at once: the loser's expected version no longer holds, or the
    /// stream or key it meant to create exists now. Marten and JasperFx each have exceptions of their own for it.</summary>
    public static bool IsLostRace(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                or Marten.Exceptions.ConcurrentUpdateException or Marten.Exceptions.StreamLockedException
                or JasperFx.DocumentAlreadyExistsException
                or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.SerializationFailure
                    or MartenStreamVersionMismatch })
            {
                return true;
            }
        }
        return false;
    }
}
