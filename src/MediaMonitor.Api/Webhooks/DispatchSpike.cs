using JasperFx.Events;
using MediaMonitor.Infrastructure;
using MediaMonitor.Spikes;
using Marten;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Turns each spike into one <c>watchlist.spike</c> delivery per subscription that asked for the type and wants the
/// watchlist, queued on the subscription's lane after the alerts dispatched before it, signed and retried as alerts are.
/// Spikes come from a Marten subscription ("SpikeDispatch"): the detection appends them in the async daemon's
/// transaction, and the subscription walks the log in order and resumes where it stopped after a restart. At least once,
/// so the delivery id is derived from the subscription and the spike, as an alert's is: a spike dispatched again finds
/// its deliveries and adds none. (Publishing from the detection's side effect would not do: a message lost before
/// its handler commits has no log position to be found again by.)
/// </summary>
public static class DispatchSpikeHandler
{
    /// <summary>As <see cref="DispatchAlertHandler.Configure"/>: only the database fails here, so keep trying.</summary>
    public static void Configure(HandlerChain chain) => DispatchAlertHandler.Configure(chain);

    /// <summary>The subscriptions that get a spike: active ones that asked for spikes, want its watchlist, and existed
    /// when it was detected.</summary>
    public static IEnumerable<Subscription> Recipients(IEnumerable<Subscription> subscriptions, SpikeDetected spike) =>
        subscriptions.Where(s => s.State == SubscriptionState.Active && s.WantsSpikeOf(spike.WatchlistId) && s.CreatedAt <= spike.DetectedAt);

    public static async Task<OutgoingMessages> Handle(IEvent<SpikeDetected> detected, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var spike = detected.Data;
        session.CorrelationId = detected.CorrelationId ?? session.CorrelationId;
        session.CausationId = detected.Id.ToString();
        var messages = new OutgoingMessages();
        var recipients = Recipients(await DispatchAlertHandler.ActiveSubscriptionsAsync(session, ct), spike).ToList();
        if (recipients.Count == 0) return messages;

        var ids = recipients.Select(s => DispatchAlertHandler.DeliveryId(s.Id, spike.SpikeId)).ToArray();
        var existing = (await session.Query<Delivery>().Where(d => d.Id.IsOneOf(ids)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var subscription in recipients)
        {
            var id = DispatchAlertHandler.DeliveryId(subscription.Id, spike.SpikeId);
            if (existing.Contains(id)) continue;
            var scheduled = new DeliveryScheduled(id, subscription.Id, spike.SpikeId, spike.WatchlistId, spike.DetectedAt,
                SequentialGuid.Next(now), DeliveryTrigger.Alert, now, DeliveryKind.Spike);
            session.Events.StartStream<Delivery>(id, scheduled);
            messages.Add(new DeliverWebhook(id, subscription.Id, spike.SpikeId, scheduled.Ticket));
        }
        return messages;
    }
}
