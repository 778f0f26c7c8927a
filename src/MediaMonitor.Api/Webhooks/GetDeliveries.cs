using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

public static class GetDeliveriesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>
    /// A subscription's deliveries, newest first, each with every attempt (time, status code, latency, error, the start
    /// of the answer). Filters: <c>status</c>, <c>alertId</c>, and the time the delivery was made (<c>from</c> inclusive,
    /// <c>to</c> exclusive). Pages by cursor, as the alert feed does.
    /// </summary>
    [WolverineGet("/api/subscriptions/{id}/deliveries"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<CursorPage<Delivery>>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> List(
        Guid id, IQuerySession session, DeliveryStatus? status, Guid? alertId, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest("Invalid limit.", $"limit is between 1 and {MaxLimit}.");
        if (status is { } named && !Enum.IsDefined(named))
            return Problems.BadRequest("Invalid status.", $"status is one of: {string.Join(", ", Enum.GetNames<DeliveryStatus>())}.");
        if (from is not null && to is not null && from >= to) return Problems.BadRequest("Invalid time range.", "from must be before to.");
        if (await session.LoadAsync<Subscription>(id, ct) is null) return Problems.NotFound("Subscription", id);

        var query = session.Query<Delivery>().Where(x => x.SubscriptionId == id);
        if (status is { } s) query = query.Where(x => x.Status == s);
        if (alertId is { } a) query = query.Where(x => x.AlertId == a);
        if (from is { } f) query = query.Where(x => x.CreatedAt >= f);
        if (to is { } t) query = query.Where(x => x.CreatedAt < t);
        var page = string.IsNullOrWhiteSpace(cursor) ? null : cursor;
        if (CursorBound.LeadingTime(page) is { } before) query = query.Where(x => x.CreatedAt <= before);
        var ordered = query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id);
        return Results.Ok(await CursorPage<Delivery>.ReadAsync(session, ordered, page, limit ?? DefaultLimit, ct));
    }

    [WolverineGet("/api/deliveries/{id}"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Delivery>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Delivery>(id, ct) is { } delivery ? Results.Ok(delivery) : Problems.NotFound("Delivery", id);
}
