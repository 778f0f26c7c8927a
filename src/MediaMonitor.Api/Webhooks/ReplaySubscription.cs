using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace MediaMonitor.Webhooks;

/// <param name="From">Alerts raised at or after this time.</param>
/// <param name="To">Alerts raised before this time; left out, now.</param>
public sealed record ReplaySubscription(DateTimeOffset? From, DateTimeOffset? To);

public sealed record ReplayAccepted(Guid SubscriptionId, DateTimeOffset From, DateTimeOffset To, int Alerts, int Scheduled, int AlreadyPending);

public static class ReplaySubscriptionEndpoint
{
    /// <summary>Alerts one replay may cover: enough for days of a busy watchlist, and a bounded transaction.</summary>
    public const int MaxAlerts = 10_000;

    /// <summary>
    /// Sends again every alert the subscription wants (by its current filter) raised in the range: for a subscriber
    /// that lost data. An alert it was sent before goes again with the same <c>webhook-id</c> (a new run of its
    /// delivery); one it never had (raised before it subscribed, or while paused) gets a delivery now. Deliveries still
    /// pending are left to finish.
    /// </summary>
    [WolverinePost("/api/subscriptions/{id}/replay"), Authorize(Policy = Scopes.Admin), Tags("Webhooks")]
    [ProducesResponseType<ReplayAccepted>(202), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ValidationProblemDetails>(422)]
    public static async Task<(IResult, OutgoingMessages)> Post(
        Guid id, ReplaySubscription command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (command.From is null) errors.Add("from", "from is required.");
        var to = command.To ?? now;
        if (command.From is { } f && f >= to) errors.Add("to", "to must be after from.");
        if (errors.Any) return (Problems.Invalid(errors), messages);
        var from = command.From!.Value;

        var subscription = await session.LoadAsync<Subscription>(id, ct);
        if (subscription is null) return (Problems.NotFound("Subscription", id), messages);
        if (subscription.State != SubscriptionState.Active)
            return (Problems.Conflict($"Subscription {id} is {subscription.State.ToString().ToLowerInvariant()}; resume it first."), messages);

        var query = session.Query<AlertView>().Where(a => a.RaisedAt >= from && a.RaisedAt < to);
        if (!subscription.IncludeBackfill) query = query.Where(a => !a.Backfill);
        if (subscription.WatchlistIds is { } wanted)
        {
            var ids = wanted.ToArray();
            query = query.Where(a => a.WatchlistId.IsOneOf(ids));
        }
        var alerts = await query.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .Select(a => new ReplayedAlert(a.Id, a.WatchlistId, a.RaisedAt)).Take(MaxAlerts + 1).ToListAsync(ct);
        if (alerts.Count > MaxAlerts)
        {
            errors.Add("from", $"More than {MaxAlerts} alerts in this range; replay it in parts.");
            return (Problems.Invalid(errors), messages);
        }

        var deliveryIds = alerts.Select(a => DispatchAlertHandler.DeliveryId(id, a.Id)).ToArray();
        var existing = (await session.LoadManyAsync<Delivery>(ct, deliveryIds)).ToDictionary(d => d.Id);
        var scheduled = 0;
        var pending = 0;
        for (var i = 0; i < alerts.Count; i++)
        {
            var ticket = Guid.CreateVersion7(now);
            if (existing.TryGetValue(deliveryIds[i], out var delivery))
            {
                if (delivery.Status == DeliveryStatus.Pending)
                {
                    pending++;
                    continue;
                }
                // At the version read: a concurrent attempt or replay of this delivery makes this one fail (409), not interleave.
                session.Events.Append(delivery.Id, delivery.Version + 1, new DeliveryRequeued(delivery.Id, id, ticket, DeliveryTrigger.Replay, now));
            }
            else
            {
                session.Events.StartStream<Delivery>(deliveryIds[i], new DeliveryScheduled(deliveryIds[i], id, alerts[i].Id,
                    alerts[i].WatchlistId, alerts[i].RaisedAt, ticket, DeliveryTrigger.Replay, now));
            }
            messages.Add(new DeliverWebhook(deliveryIds[i], id, ticket));
            scheduled++;
        }
        return (Results.Accepted($"/api/subscriptions/{id}/deliveries", new ReplayAccepted(id, from, to, alerts.Count, scheduled, pending)), messages);
    }

    private sealed record ReplayedAlert(Guid Id, Guid WatchlistId, DateTimeOffset RaisedAt);
}
