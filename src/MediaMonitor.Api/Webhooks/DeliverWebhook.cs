using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Observability;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <summary>Work on a subscription's deliveries: it runs on the subscription's delivery lane, one message at a time, in the
/// order sent.</summary>
public interface IDeliveryLaneMessage
{
    Guid SubscriptionId { get; }
}

/// <summary>Make the next attempt of a delivery, if <paramref name="Ticket"/> is still the one it waits for.</summary>
/// <param name="AlertId">The delivery's alert, so that one round trip reads all an attempt needs; empty in messages
/// stored before it was carried.</param>
public sealed record DeliverWebhook(Guid DeliveryId, Guid SubscriptionId, Guid AlertId, Guid Ticket) : IDeliveryLaneMessage;

/// <summary>
/// Attempts, a batch at a time: Wolverine gathers the messages of one subscription (their group id) into a batch and
/// runs it on the subscription's lane, one batch at a time, in the order sent (<see cref="Configuration.UseWebhookMessaging"/>).
/// The attempts' records and the next messages commit together (Wolverine's transactional middleware and outbox on
/// Marten), before the subscription's next batch starts, so that one sees these outcomes (a 410, a failing endpoint).
/// A crash between a POST and the commit means the attempt is made again, with the same <c>webhook-id</c>, which is
/// what receivers deduplicate on.
/// </summary>
public static class DeliverWebhookHandler
{
    /// <summary>The endpoint's failures are recorded as attempts; what throws here is the database (or a bug). Keep
    /// trying, slowly: a delivery dropped to the dead-letter queue would stay pending for ever.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromSeconds(1)], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public static async Task Handle(
        DeliverWebhook[] messages, IDocumentSession session, IMessageContext bus, WebhookSender sender, DomainMetrics metrics,
        IOptionsMonitor<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var run = new DeliveryRun(session, bus, sender, metrics, options.CurrentValue, clock);
        foreach (var subscription in messages.GroupBy(m => m.SubscriptionId))
        {
            var sent = subscription.Select(m => new DeliveryRun.Item(m.DeliveryId, m.AlertId, m.Ticket, Released: false)).ToList();
            await run.RunAsync(subscription.Key, await InOrderAsync(session, subscription.Key, sent, clock.GetUtcNow(), ct), ct);
        }
    }

    /// <summary>
    /// The batch in the subscription's order, with the due deliveries that come before its last one pulled ahead. The
    /// messages of a subscription arrive in the order sent, except after a node dies: Wolverine recovers the messages
    /// waiting in its inbox in no particular order. Their deliveries are here in the database, in order, so a message
    /// that arrives early makes the ones before it go first; their own messages then find them done.
    /// </summary>
    public static async Task<IReadOnlyList<DeliveryRun.Item>> InOrderAsync(
        IQuerySession session, Guid subscriptionId, IReadOnlyList<DeliveryRun.Item> sent, DateTimeOffset now, CancellationToken ct)
    {
        var due = (await DeliveryRun.Due(session, subscriptionId, now).Take(WebhookOptions.DeliveriesPerBatch).Select(d => d.Id).ToListAsync(ct)).ToList();
        var bySent = sent.DistinctBy(i => i.DeliveryId).ToDictionary(i => i.DeliveryId);
        var last = due.FindLastIndex(bySent.ContainsKey);
        if (last < 0) return sent;
        var ahead = due.Take(last + 1).ToList();
        // Rare (messages out of order): the deliveries pulled ahead, read for their alert and ticket.
        var pulled = ahead.Where(id => !bySent.ContainsKey(id)).ToArray();
        var read = pulled.Length == 0 ? [] : (await session.LoadManyAsync<Delivery>(ct, pulled))
            .Where(d => d.Ticket is not null).ToDictionary(d => d.Id, d => new DeliveryRun.Item(d.Id, d.AlertId, d.Ticket!.Value, Released: false));
        var ordered = ahead.Select(id => bySent.GetValueOrDefault(id) ?? read.GetValueOrDefault(id)).OfType<DeliveryRun.Item>().ToList();
        var aheadIds = ahead.ToHashSet();
        return [.. ordered, .. sent.Where(i => !aheadIds.Contains(i.DeliveryId))];
    }
}
