using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

public static class RotateSubscriptionSecretEndpoint
{
    /// <summary>
    /// A new signing secret, shown in this answer only. For the next 24 hours every message carries two signatures,
    /// one per secret, so the receiver can switch to the new secret whenever it likes within that time.
    /// </summary>
    [WolverinePost("/api/subscriptions/{id}/rotate-secret"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionWithSecret>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<IResult> Post(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expires = now + WebhookOptions.SecretOverlap;
        var (result, subscription) = await ChangeSubscription.ApplyAsync(session, id, s => s.State == SubscriptionState.Deleted
            ? ChangeSubscription.RefuseDeleted(s)
            : new Decision.Append(new SubscriptionSecretRotated(s.Id, expires, now)), ct);
        if (subscription is null) return result;

        var secrets = await session.LoadAsync<SubscriptionSecrets>(id, ct) ?? throw new InvalidOperationException($"Subscription {id} has no secrets.");
        var secret = WebhookSignature.NewSecret();
        secrets.Rotate(secret, now, expires);
        session.Store(secrets);
        return Results.Ok(new SubscriptionWithSecret(secret,
            SubscriptionResponse.From(subscription, await session.LoadAsync<SubscriptionHealth>(id, ct))));
    }
}
