using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wolverine.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Judges a JSON body before the endpoint reads it: other media types 415, bodies over the limit 413, invalid UTF-8,
/// a root that is not an object, or a body that does not bind to the endpoint's command 400. The endpoint then only
/// reads a body it can bind: Wolverine answers a body it cannot bind with 400 too, but logs it as an error with a
/// stack trace, and a client's mistake is not a server error.
/// </summary>
public static class JsonBodyGuard
{
    /// <summary>Bodies of single JSON requests; batches have their own, larger limit.</summary>
    public const int MaxJsonBodyBytes = 2 * 1024 * 1024;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // Batches read their own body, in two formats and with a larger limit; reading lists are XML.
        if (!request.Path.StartsWithSegments("/api") || request.Path.Value!.EndsWith("/batch", StringComparison.Ordinal)
            || (request.Path.StartsWithSegments(Feeds.ImportOpmlEndpoint.Route, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest.Value == "/")))
        {
            await next(context);
            return;
        }
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                      ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        var endpoint = context.GetEndpoint();
        var command = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        try
        {
            if (hasBody) await ReadAsync(context, command);
            else if (command is not null && !Optional.GetOrAdd(endpoint!, e => IsOptional(e, command)))
            {
                throw new RequestRejectedException(StatusCodes.Status400BadRequest, "A JSON body is required.");
            }
        }
        catch (RequestRejectedException e)
        {
            await Results.Problem(statusCode: e.StatusCode, title: "The request was refused.", detail: e.Message).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static readonly ConcurrentDictionary<Endpoint, bool> Optional = new();

    /// <summary>A command parameter declared nullable takes no body at all (Wolverine binds it to null).</summary>
    private static bool IsOptional(Endpoint endpoint, Type command) =>
        endpoint.Metadata.GetMetadata<HttpChain>()?.Method.Method.GetParameters().FirstOrDefault(p => p.ParameterType == command) is { } parameter
        && new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;

    private static async Task ReadAsync(HttpContext context, Type? command)
    {
        var request = context.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                                   || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType,
                $"Send JSON with Content-Type: application/json (got '{request.ContentType}').");
        }
        // Read here, within the limit, so the endpoint gets a body that is whole and valid UTF-8.
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
        if (command is not null)
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            try
            {
                JsonSerializer.Deserialize(body.Span, command, options);
            }
            catch (JsonException e)
            {
                throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"The body is not JSON this endpoint can read: {JsonErrors.Describe(e)}");
            }
        }
        request.Body = new MemoryStream(body.ToArray(), writable: false);
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
