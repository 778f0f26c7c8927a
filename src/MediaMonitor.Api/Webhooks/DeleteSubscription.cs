using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Webhooks;

/// <summary>Deleting is final: the subscription gets nothing more, and its secrets go with it; the subscription and its
/// deliveries stay readable, for the record. Deleting it again changes nothing.</summary>
public static class DeleteSubscriptionEndpoint
{
    public static Events Decide(Subscription subscription, DateTimeOffset now) =>
        subscription.State == SubscriptionState.Deleted ? [] : [new SubscriptionDeleted(subscription.Id, now)];

    [WolverineDelete("/api/subscriptions/{id}"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404)]
    public static (IResult, Events, IMartenOp) Delete(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = SubscriptionInput.Missing)] Subscription subscription, TimeProvider clock) =>
        (Results.NoContent(), Decide(subscription, clock.GetUtcNow()), MartenOps.Delete<SubscriptionSecrets>(subscription.Id));
}
