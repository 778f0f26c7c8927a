using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

public static class GetSubscriptionsEndpoints
{
    /// <summary>All subscriptions, oldest first; deleted ones only when asked for with <c>state=Deleted</c>.</summary>
    [WolverineGet("/api/subscriptions"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<IReadOnlyList<SubscriptionResponse>>(200), ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> List(IQuerySession session, SubscriptionState? state, CancellationToken ct)
    {
        if (state is { } named && !Enum.IsDefined(named))
        {
            return Problems.BadRequest("Invalid state.", $"state is one of: {string.Join(", ", Enum.GetNames<SubscriptionState>())}.");
        }
        var query = session.Query<Subscription>().AsQueryable();
        query = state is { } s ? query.Where(x => x.State == s) : query.Where(x => x.State != SubscriptionState.Deleted);
        var subscriptions = await query.OrderBy(x => x.CreatedAt).ToListAsync(ct);
        var health = (await session.LoadManyAsync<SubscriptionHealth>(ct, subscriptions.Select(x => x.Id).ToArray())).ToDictionary(x => x.Id);
        return Results.Ok(subscriptions.Select(x => SubscriptionResponse.From(x, health.GetValueOrDefault(x.Id))).ToList());
    }

    [WolverineGet("/api/subscriptions/{id}"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionResponse>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var subscription = await session.LoadAsync<Subscription>(id, ct);
        if (subscription is null) return Problems.NotFound("Subscription", id);
        return Results.Ok(SubscriptionResponse.From(subscription, await session.LoadAsync<SubscriptionHealth>(id, ct)));
    }
}
