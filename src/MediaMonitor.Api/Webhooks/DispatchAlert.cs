using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using Marten;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Turns each raised alert into one delivery per subscription that wants it. Intake and backfills do it in the
/// transaction that raises the alert (see <see cref="Raise"/>), so the first attempts go out through Wolverine's
/// outbox the moment it commits. Every other alert (one taken in before the service ran, by the ingest command or the
/// seeds at start) comes here from a Marten subscription: the async daemon walks the event log in order, and resumes
/// where it stopped after a restart. It delivers at least once, so a delivery's id is derived from the subscription and
/// the alert: dispatching the same alert again finds the deliveries there and adds none.
/// </summary>
public static class DispatchAlertHandler
{
    /// <summary>The event header of an alert whose deliveries were scheduled in the transaction that raised it.</summary>
    public const string DispatchedHeader = "dispatched";

    /// <summary>
    /// Starts the alert's stream, marked as dispatched (the subscription passes it by), and the delivery streams of its
    /// recipients among <paramref name="active"/>; returns their first attempts, to be sent once the transaction commits.
    /// The alert is caused by its match (<paramref name="matchedBy"/>, the event's id), each delivery by the alert.
    /// </summary>
    public static IReadOnlyList<DeliverWebhook> Raise(
        IDocumentSession session, IReadOnlyList<Subscription> active, AlertRaised alert, DateTimeOffset now, Guid matchedBy)
    {
        var e = session.Events.BuildEvent(alert).CausedBy(matchedBy);
        e.SetHeader(DispatchedHeader, true);
        session.Events.StartStream<AlertView>(alert.AlertId, e);
        return Schedule(session, active, alert, now, e.Id).ToList();
    }

    public static bool WasDispatched(IEvent e) => e.Headers?.ContainsKey(DispatchedHeader) == true;

    public static async Task<IReadOnlyList<Subscription>> ActiveSubscriptionsAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Subscription>().Where(s => s.State == SubscriptionState.Active).ToListAsync(ct);

    /// <summary>Starts the delivery streams of a fresh alert, one per recipient among <paramref name="active"/>;
    /// returns their first attempts, to be sent once the transaction commits.</summary>
    private static IEnumerable<DeliverWebhook> Schedule(
        IDocumentSession session, IEnumerable<Subscription> active, AlertRaised alert, DateTimeOffset now, Guid raisedBy, ISet<Guid>? existing = null)
    {
        foreach (var subscription in Recipients(active, alert))
        {
            var id = DeliveryId(subscription.Id, alert.AlertId);
            if (existing?.Contains(id) == true) continue;
            var scheduled = new DeliveryScheduled(id, subscription.Id, alert.AlertId, alert.WatchlistId, alert.RaisedAt,
                SequentialGuid.Next(now), DeliveryTrigger.Alert, now);
            // Caused by the alert's event, on intake as in the catch-up below.
            session.Events.StartStream<Delivery>(id, session.Events.BuildEvent(scheduled).CausedBy(raisedBy));
            yield return new DeliverWebhook(id, subscription.Id, alert.AlertId, scheduled.Ticket);
        }
    }

    /// <summary>Only the database can fail here: keep trying, since an alert dropped to the dead-letter queue would reach
    /// no subscriber.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)],
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    /// <summary>The subscriptions that get an alert: active ones that want it (its type, its watchlist, and with
    /// first-per-story delivery, not a repeat in its story) and existed when it was raised (older alerts are theirs only by
    /// replay).</summary>
    public static IEnumerable<Subscription> Recipients(IEnumerable<Subscription> subscriptions, AlertRaised alert) =>
        subscriptions.Where(s => s.State == SubscriptionState.Active && s.Wants(alert) && s.CreatedAt <= alert.RaisedAt);

    public static Guid DeliveryId(Guid subscriptionId, Guid alertId)
    {
        Span<byte> input = stackalloc byte[32];
        subscriptionId.TryWriteBytes(input);
        alertId.TryWriteBytes(input[16..]);
        return NameBasedGuid.From(input);
    }

    public static async Task<OutgoingMessages> Handle(IEvent<AlertRaised> raised, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var alert = raised.Data;
        // The deliveries belong to the request that raised the alert, and were caused by the alert.
        session.CorrelationId = raised.CorrelationId ?? session.CorrelationId;
        session.CausationId = raised.Id.ToString();
        var messages = new OutgoingMessages();
        var active = await ActiveSubscriptionsAsync(session, ct);
        var recipients = Recipients(active, alert).ToList();
        if (recipients.Count == 0) return messages;

        var ids = recipients.Select(s => DeliveryId(s.Id, alert.AlertId)).ToArray();
        var existing = (await session.Query<Delivery>().Where(d => d.Id.IsOneOf(ids)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        foreach (var deliver in Schedule(session, recipients, alert, clock.GetUtcNow(), raised.Id, existing)) messages.Add(deliver);
        return messages;
    }
}
