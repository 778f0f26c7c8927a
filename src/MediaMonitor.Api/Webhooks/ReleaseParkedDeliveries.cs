using MediaMonitor.Infrastructure;
using MediaMonitor.Observability;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <summary>Send again, in their order, the deliveries a subscription's <see cref="EndpointCooldown"/> parked.</summary>
public sealed record ReleaseParkedDeliveries(Guid SubscriptionId) : IDeliveryLaneMessage;

/// <summary>
/// Runs on the subscription's delivery lane, after whatever the lane held already, and attempts a page of the parked
/// deliveries itself, then sends itself again for the next page. While the endpoint cools it waits for the end of the
/// cooldown; just after, it attempts one delivery, as a probe; once the endpoint answers, a page at a time; when none is
/// left it ends, and new deliveries go straight out again.
/// </summary>
public static class ReleaseParkedDeliveriesHandler
{
    /// <summary>Deliveries attempted per round, in one transaction.</summary>
    public const int Page = 50;

    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromSeconds(1)], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public static async Task Handle(
        ReleaseParkedDeliveries message, IDocumentSession session, IMessageContext bus, WebhookSender sender, DomainMetrics metrics,
        IOptionsMonitor<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cooldown = await session.LoadAsync<EndpointCooldown>(message.SubscriptionId, ct);
        if (cooldown is not null && cooldown.IsCooling(now))
        {
            await bus.ScheduleAsync(message, cooldown.Until!.Value);
            return;
        }
        var subscription = await session.LoadAsync<Subscription>(message.SubscriptionId, ct);
        // A cooldown ran out with no answer since: one delivery finds out whether the endpoint is back. A subscription no
        // longer active has its deliveries cancelled, a page at a time.
        var size = cooldown?.Until is not null && subscription is { State: SubscriptionState.Active } ? 1 : Page;
        var parked = await DeliveryRun.Due(session, message.SubscriptionId, now).Take(size).ToListAsync(ct);
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
        await new DeliveryRun(session, bus, sender, metrics, options.CurrentValue, clock).RunAsync(message.SubscriptionId,
            parked.Select(d => new DeliveryRun.Item(d.Id, d.AlertId, d.Ticket!.Value, Released: true)).ToList(), ct);
        await bus.PublishAsync(message);
    }
}
