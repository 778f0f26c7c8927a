using System.Security.Cryptography;
using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using Marten;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Turns each raised alert into one delivery per subscription that wants it. The alerts come from a Marten
/// subscription (the async daemon walks the event log in order, and resumes where it stopped after a restart, so
/// alerts from every path, HTTP, files or seeds, are dispatched once the service runs). It delivers at least once,
/// so a delivery's id is derived from the subscription and the alert: dispatching the same alert again finds the
/// deliveries there and adds none.
/// </summary>
public static class DispatchAlertHandler
{
    /// <summary>Only the database can fail here: keep trying, since an alert dropped to the dead-letter queue would reach
    /// no subscriber.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)],
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    /// <summary>The subscriptions that get an alert: active ones that want its watchlist and existed when it was raised
    /// (older alerts are theirs only by replay).</summary>
    public static IEnumerable<Subscription> Recipients(IEnumerable<Subscription> subscriptions, AlertRaised alert) =>
        subscriptions.Where(s => s.State == SubscriptionState.Active && s.Wants(alert.WatchlistId, alert.Backfill) && s.CreatedAt <= alert.RaisedAt);

    public static Guid DeliveryId(Guid subscriptionId, Guid alertId)
    {
        Span<byte> input = stackalloc byte[32];
        subscriptionId.TryWriteBytes(input);
        alertId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);   // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);   // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }

    public static async Task<OutgoingMessages> Handle(IEvent<AlertRaised> raised, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var alert = raised.Data;
        // The deliveries belong to the request that raised the alert, and were caused by the alert.
        session.CorrelationId = raised.CorrelationId ?? session.CorrelationId;
        session.CausationId = raised.Id.ToString();
        var messages = new OutgoingMessages();
        var active = await session.Query<Subscription>().Where(s => s.State == SubscriptionState.Active).ToListAsync(ct);
        var recipients = Recipients(active, alert).ToList();
        if (recipients.Count == 0) return messages;

        var ids = recipients.Select(s => DeliveryId(s.Id, alert.AlertId)).ToArray();
        var existing = (await session.Query<Delivery>().Where(d => d.Id.IsOneOf(ids)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        for (var i = 0; i < recipients.Count; i++)
        {
            if (existing.Contains(ids[i])) continue;
            var scheduled = new DeliveryScheduled(ids[i], recipients[i].Id, alert.AlertId, alert.WatchlistId, alert.RaisedAt,
                Guid.CreateVersion7(now), DeliveryTrigger.Alert, now);
            session.Events.StartStream<Delivery>(scheduled.DeliveryId, scheduled);
            messages.Add(new DeliverWebhook(scheduled.DeliveryId, scheduled.SubscriptionId, scheduled.Ticket));
        }
        return messages;
    }
}
