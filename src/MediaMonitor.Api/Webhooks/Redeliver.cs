using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Webhooks;

public static class RedeliverEndpoint
{
    /// <summary>A pending delivery whose attempt is this late has lost its message (to the dead-letter queue, after a
    /// long database outage, say) and may be sent again.</summary>
    public static readonly TimeSpan Stuck = TimeSpan.FromMinutes(15);

    public const string Missing = "There is no delivery with id {Id}.";

    /// <summary>A delivery still pending (and not stuck) is refused, as is one whose subscription is not active.</summary>
    public static ProblemDetails Refusal(Delivery delivery, Subscription? subscription, DateTimeOffset now)
    {
        if (delivery.Status == DeliveryStatus.Pending && !(delivery.NextAttemptAt < now - Stuck))
            return Problems.ConflictDetails($"Delivery {delivery.Id} is pending already; its next attempt is due at {delivery.NextAttemptAt:u}.");
        return subscription is { State: SubscriptionState.Active }
            ? WolverineContinue.NoProblems
            : Problems.ConflictDetails($"Subscription {delivery.SubscriptionId} is not active; resume it first.");
    }

    public static async Task<ProblemDetails> ValidateAsync(Delivery delivery, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        Refusal(delivery, await session.LoadAsync<Subscription>(delivery.SubscriptionId, ct), clock.GetUtcNow());

    /// <summary>A fresh run of the retry schedule, under a ticket of its own.</summary>
    public static DeliveryRequeued Decide(Delivery delivery, DateTimeOffset now) =>
        new(delivery.Id, delivery.SubscriptionId, SequentialGuid.Next(now), DeliveryTrigger.Redeliver, now);

    /// <summary>Sends a settled delivery again (delivered, failed or cancelled; or pending but stuck, its attempt overdue
    /// by 15 minutes), with the same <c>webhook-id</c>, through a fresh run of the retry schedule.</summary>
    [WolverinePost("/api/deliveries/{id}/redeliver"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Delivery>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events, OutgoingMessages) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing)] Delivery delivery, TimeProvider clock)
    {
        var requeued = Decide(delivery, clock.GetUtcNow());
        // The answer shows the requeue folded into a copy: the loaded instance is the one Marten's inline projection
        // folds the committed event into.
        var after = delivery.Copy();
        after.Requeue(requeued);
        after.Version++;
        return (Results.Accepted($"/api/deliveries/{delivery.Id}", after), [requeued],
            [new DeliverWebhook(delivery.Id, delivery.SubscriptionId, delivery.AlertId, requeued.Ticket)]);
    }
}
