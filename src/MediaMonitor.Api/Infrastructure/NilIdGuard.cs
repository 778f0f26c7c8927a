namespace MediaMonitor.Infrastructure;

/// <summary>
/// No stream, document or delivery ever has the nil GUID as its id (ids are version 7 GUIDs, or derived from a
/// hash), and Marten refuses it as a stream id with an exception: a route that names it is answered 404 here, before
/// any endpoint loads or appends anything.
/// </summary>
public static class NilIdGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty)
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                    detail: $"Nothing has the nil id given as {name}.").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
