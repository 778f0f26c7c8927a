using MediaMonitor.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace MediaMonitor.Webhooks;

public static class RotateSubscriptionSecretEndpoint
{
    public static ProblemDetails Validate(Subscription subscription) => SubscriptionInput.RefuseDeleted(subscription) ?? WolverineContinue.NoProblems;

    /// <summary>
    /// A new signing secret, shown in this answer only. For the next 24 hours every message carries two signatures,
    /// one per secret, so the receiver can switch to the new secret whenever it likes within that time.
    /// </summary>
    [WolverinePost("/api/subscriptions/{id}/rotate-secret"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionWithSecret>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events, IMartenOp) Post(
        [WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = SubscriptionInput.Missing)] Subscription subscription,
        [Entity(Required = false)] SubscriptionSecrets? secrets, [Entity(Required = false)] SubscriptionHealth? health, TimeProvider clock)
    {
        // Only a deleted subscription (refused above) has lost its secrets.
        if (secrets is null) throw new InvalidOperationException($"Subscription {subscription.Id} has no secrets.");
        var now = clock.GetUtcNow();
        var rotated = new SubscriptionSecretRotated(subscription.Id, now + WebhookOptions.SecretOverlap, now);
        var secret = WebhookSignature.NewSecret();
        secrets.Rotate(secret, now, rotated.PreviousSecretExpiresAt);
        // The answer shows the rotation folded into a copy: the loaded instance is the one Marten's inline projection
        // folds the committed event into.
        var after = subscription.Copy();
        after.Apply(rotated);
        after.Version++;
        return (Results.Ok(new SubscriptionWithSecret(secret, SubscriptionResponse.From(after, health))), [rotated], MartenOps.Store(secrets));
    }
}
