using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Webhooks;

/// <summary>A paused subscription gets nothing, and deliveries still pending for it are cancelled at their turn (a replay
/// can send them later). Pausing it again changes nothing.</summary>
public static class PauseSubscriptionEndpoint
{
    public static ProblemDetails Validate(Subscription subscription) => SubscriptionInput.RefuseDeleted(subscription) ?? WolverineContinue.NoProblems;

    public static Events Decide(Subscription subscription, DateTimeOffset now) =>
        subscription.State == SubscriptionState.Paused ? [] : [new SubscriptionPaused(subscription.Id, now)];

    [WolverinePost("/api/subscriptions/{id}/pause"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<Subscription>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static (UpdatedAggregate, Events) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = SubscriptionInput.Missing)] Subscription subscription, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(subscription, clock.GetUtcNow()));
}
