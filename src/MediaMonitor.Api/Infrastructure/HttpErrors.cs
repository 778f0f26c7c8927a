using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace MediaMonitor.Infrastructure;

/// <summary>Every failure answers as RFC 7807 problem details with the status that fits it.</summary>
public static class HttpErrors
{
    /// <summary>Bodies of single JSON requests; batches have their own, larger limit.</summary>
    public const int MaxJsonBodyBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddHttpErrors(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (Describe(error) is { } described)
            {
                context.ProblemDetails.Status = described.Status;
                context.ProblemDetails.Title = described.Title;
                context.ProblemDetails.Detail = described.Detail;
            }
        });

    public static WebApplication UseHttpErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => Describe(e)?.Status ?? StatusCodes.Status500InternalServerError,
            // A client's mistake is answered, not logged as a server error with a stack trace.
            SuppressDiagnosticsCallback = context => Describe(context.Exception) is { Status: < 500 },
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>After authorization, so a request without a key hears 401 before anything about its body.</summary>
    public static WebApplication UseJsonBodyGuard(this WebApplication app)
    {
        app.Use(GuardJsonBodies);
        return app;
    }

    private sealed record Described(int Status, string Title, string Detail);

    private static Described? Describe(Exception? error) => error switch
    {
        // Kestrel's own body limit, past the guard (a body read as it streams).
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new(413, "The body is too large.", error.Message),
        BadHttpRequestException bad => new(bad.StatusCode, "The request could not be read.", bad.Message),
        // Marten decodes a feed cursor only as it streams the page, after the endpoint has returned.
        ArgumentException { ParamName: "cursor" } => new(400, "Invalid cursor.", "The cursor is not one this feed gave out; start again without a cursor."),
        // Two changes to one stream at once: the loser's expected version no longer holds.
        JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
            or JasperFx.Events.ExistingStreamIdCollisionException =>
            new(409, "A concurrent change won.", "The resource was changed by another request meanwhile; read it again and retry."),
        _ => null,
    };

    /// <summary>
    /// Before an endpoint reads a JSON body: refuse other media types (415) and bodies over the limit (413),
    /// so the endpoint never half-reads a request it must refuse.
    /// </summary>
    private static async Task GuardJsonBodies(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var hasBody = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                      ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        // Without a known key the endpoint answers 401 before reading anything: no need to judge the body.
        var anonymous = context.User.Identity?.IsAuthenticated != true;
        if (hasBody && !anonymous && request.Path.StartsWithSegments("/api") && !request.Path.Value!.EndsWith("/batch", StringComparison.Ordinal))
        {
            var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
            if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                                       || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            {
                await Results.Problem(statusCode: 415, title: "Unsupported media type.",
                    detail: $"Send JSON with Content-Type: application/json (got '{request.ContentType}').").ExecuteAsync(context);
                return;
            }
            // Read here, within the limit, so the endpoint gets a body that is whole and valid UTF-8.
            try
            {
                var body = await RequestBody.ReadAsync(request, MaxJsonBodyBytes, context.RequestAborted);
                if (RequestBody.FirstInvalidUtf8(body.Span) is { } at)
                {
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"The body is not valid UTF-8 (byte {at}).");
                }
                // Every JSON endpoint takes an object: null, an array or a number would reach it as a null command.
                if (body.Length > 0 && FirstNonSpace(body.Span) is not (byte)'{')
                {
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, "The body is a JSON object ({...}).");
                }
                request.Body = new MemoryStream(body.ToArray(), writable: false);
            }
            catch (RequestRejectedException e)
            {
                await Results.Problem(statusCode: e.StatusCode, title: "The request was refused.", detail: e.Message).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }

    private static byte? FirstNonSpace(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8)) body = body[3..];
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
        }
        return null;
    }
}
