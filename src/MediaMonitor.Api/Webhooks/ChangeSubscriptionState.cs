using MediaMonitor.Access;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Pause, resume and delete. A paused subscription gets nothing, and deliveries still pending for it are cancelled at
/// their turn (a replay can send them later); resuming also re-enables a subscription the service disabled. Deleting
/// is final; the subscription and its deliveries stay readable, for the record.
/// </summary>
public static class ChangeSubscriptionStateEndpoints
{
    public static Decision Pause(Subscription s, DateTimeOffset now) => s.State switch
    {
        SubscriptionState.Deleted => ChangeSubscription.RefuseDeleted(s),
        SubscriptionState.Paused => new Decision.NoChange(),
        _ => new Decision.Append(new SubscriptionPaused(s.Id, now)),
    };

    public static Decision Resume(Subscription s, DateTimeOffset now) => s.State switch
    {
        SubscriptionState.Deleted => ChangeSubscription.RefuseDeleted(s),
        SubscriptionState.Active => new Decision.NoChange(),
        _ => new Decision.Append(new SubscriptionResumed(s.Id, now)),
    };

    public static Decision Delete(Subscription s, DateTimeOffset now) => s.State == SubscriptionState.Deleted
        ? new Decision.NoChange()
        : new Decision.Append(new SubscriptionDeleted(s.Id, now));

    [WolverinePost("/api/subscriptions/{id}/pause"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<IResult> PostPause(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        (await ChangeSubscription.ApplyAsync(session, id, s => Pause(s, clock.GetUtcNow()), ct)).Result;

    [WolverinePost("/api/subscriptions/{id}/resume"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<SubscriptionResponse>(200), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<IResult> PostResume(Guid id, IDocumentSession session, SubscriptionGate gate, TimeProvider clock, CancellationToken ct)
    {
        var (result, changed) = await ChangeSubscription.ApplyAsync(session, id, s => Resume(s, clock.GetUtcNow()), ct);
        // Resuming says the endpoint is worth trying again now, whatever failure it last showed this node.
        if (changed is not null) gate.Reset(id);
        return result;
    }

    [WolverineDelete("/api/subscriptions/{id}"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (result, changed) = await ChangeSubscription.ApplyAsync(session, id, s => Delete(s, clock.GetUtcNow()), ct);
        if (changed is null) return result;
        session.Delete<SubscriptionSecrets>(id);
        return Results.NoContent();
    }
}
