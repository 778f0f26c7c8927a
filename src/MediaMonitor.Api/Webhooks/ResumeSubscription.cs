using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Webhooks;

/// <summary>A resumed subscription gets the alerts raised from now on; resuming also re-enables a subscription the service
/// disabled. Resuming an active one changes nothing.</summary>
public static class ResumeSubscriptionEndpoint
{
    public static ProblemDetails Validate(Subscription subscription) => SubscriptionInput.RefuseDeleted(subscription) ?? WolverineContinue.NoProblems;

    public static Events Decide(Subscription subscription, DateTimeOffset now) =>
        subscription.State == SubscriptionState.Active ? [] : [new SubscriptionResumed(subscription.Id, now)];

    [WolverinePost("/api/subscriptions/{id}/resume"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Subscription>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    /// <remarks>Resuming also says the endpoint is worth trying again now, whatever failure it last showed: its cooldown
    /// ends, and the deliveries it parked go.</remarks>
    public static (UpdatedAggregate, Events, DeleteDocById<EndpointCooldown>, OutgoingMessages) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = SubscriptionInput.Missing)] Subscription subscription, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(subscription, clock.GetUtcNow()), MartenOps.Delete<EndpointCooldown>(subscription.Id),
            [new ReleaseParkedDeliveries(subscription.Id)]);
}
