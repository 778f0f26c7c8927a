using MediaMonitor.Infrastructure;
using Marten;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <summary>Send again, in their order, the deliveries a subscription's <see cref="EndpointCooldown"/> parked.</summary>
public sealed record ReleaseParkedDeliveries(Guid SubscriptionId) : IDeliveryLaneMessage;

/// <summary>
/// Runs on the subscription's delivery lane, so the messages it sends are handled in the order sent, after whatever
/// the lane held already, and it follows them with itself: the next page goes once these are done. While the endpoint
/// cools it waits for the end of the cooldown; just after, it sends one delivery, as a probe; once the endpoint answers,
/// a page at a time; when none is left it ends, and new deliveries go straight out again.
/// </summary>
public static class ReleaseParkedDeliveriesHandler
{
    /// <summary>Deliveries sent per round: their messages are written in one transaction.</summary>
    public const int Page = 200;

    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromSeconds(1)], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public static async Task Handle(ReleaseParkedDeliveries message, IDocumentSession session, IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cooldown = await session.LoadAsync<EndpointCooldown>(message.SubscriptionId, ct);
        if (cooldown?.Until is { } until && until > now)
        {
            await bus.ScheduleAsync(message, until);
            return;
        }
        var subscription = await session.LoadAsync<Subscription>(message.SubscriptionId, ct);
        // A cooldown ran out with no answer since: one delivery finds out whether the endpoint is back. A subscription no
        // longer active has its deliveries cancelled, a page at a time.
        var size = cooldown?.Until is not null && subscription is { State: SubscriptionState.Active } ? 1 : Page;
        var parked = await session.Query<Delivery>()
            .Where(d => d.SubscriptionId == message.SubscriptionId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.Position)
            .Take(size)
            .ToListAsync(ct);
        if (parked.Count == 0)
        {
            if (cooldown is null) return;
            if (cooldown.Until is null) session.Delete(cooldown);
            else
            {
                cooldown.Parked = false;
                session.Store(cooldown);
            }
            return;
        }
        foreach (var delivery in parked.Where(d => d.Ticket is not null))
            await bus.PublishAsync(new DeliverWebhook(delivery.Id, delivery.SubscriptionId, delivery.Ticket!.Value, Released: true));
        await bus.PublishAsync(message);
    }
}
