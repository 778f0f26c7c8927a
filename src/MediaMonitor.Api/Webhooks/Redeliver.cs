using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

public static class RedeliverEndpoint
{
    /// <summary>A pending delivery whose attempt is this late has lost its message (to the dead-letter queue, after a
    /// long database outage, say) and may be sent again.</summary>
    public static readonly TimeSpan Stuck = TimeSpan.FromMinutes(15);

    public static (DeliveryRequeued? Requeued, IResult? Problem) Decide(Delivery delivery, Subscription? subscription, DateTimeOffset now)
    {
        if (delivery.Status == DeliveryStatus.Pending && !(delivery.NextAttemptAt < now - Stuck))
            return (null, Problems.Conflict($"Delivery {delivery.Id} is pending already; its next attempt is due at {delivery.NextAttemptAt:u}."));
        if (subscription is not { State: SubscriptionState.Active })
            return (null, Problems.Conflict($"Subscription {delivery.SubscriptionId} is not active; resume it first."));
        return (new DeliveryRequeued(delivery.Id, delivery.SubscriptionId, Guid.CreateVersion7(now), DeliveryTrigger.Redeliver, now), null);
    }

    /// <summary>Sends a settled delivery again (delivered, failed or cancelled; or pending but stuck, its attempt overdue
    /// by 15 minutes), with the same <c>webhook-id</c>, through a fresh run of the retry schedule.</summary>
    [WolverinePost("/api/deliveries/{id}/redeliver"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Delivery>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var stream = await session.Events.FetchForWriting<Delivery>(id, ct);
        if (stream.Aggregate is not { } delivery) return (Problems.NotFound("Delivery", id), messages);
        var subscription = await session.LoadAsync<Subscription>(delivery.SubscriptionId, ct);
        var (requeued, problem) = Decide(delivery, subscription, clock.GetUtcNow());
        if (requeued is null) return (problem!, messages);

        stream.AppendOne(requeued);
        delivery.Advance(requeued);
        messages.Add(new DeliverWebhook(delivery.Id, delivery.SubscriptionId, requeued.Ticket));
        return (Results.Accepted($"/api/deliveries/{id}", delivery), messages);
    }
}
