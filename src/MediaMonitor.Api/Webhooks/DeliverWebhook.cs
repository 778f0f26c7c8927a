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
/// <param name="Released">Sent by <see cref="ReleaseParkedDeliveries"/>: the delivery's turn has come among the parked ones.</param>
public sealed record DeliverWebhook(Guid DeliveryId, Guid SubscriptionId, Guid Ticket, bool Released = false) : IDeliveryLaneMessage;

/// <summary>
/// One attempt: check that it is still wanted, POST, record the attempt, and schedule the next one or settle the
/// delivery. The record and the next message commit together (Wolverine's transactional middleware and outbox on
/// Marten), and before the subscription's next delivery starts (its messages run one at a time, in order, on one
/// partitioned queue slot), so that one sees this one's outcome (a 410, a failing endpoint). A crash between
/// the POST and the commit means the attempt is made again, with the same <c>webhook-id</c>, which is what receivers
/// deduplicate on.
/// </summary>
public static class DeliverWebhookHandler
{
    /// <summary>The endpoint's failures are recorded as attempts; what throws here is the database (or a bug). Keep
    /// trying, slowly: a delivery dropped to the dead-letter queue would stay pending for ever.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromSeconds(1)], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public static async Task Handle(
        DeliverWebhook message, IDocumentSession session, IMessageContext bus, WebhookSender sender, DomainMetrics metrics,
        IOptionsMonitor<WebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // The endpoint failed lately: park the delivery (it stays pending) rather than pile up attempts that would fail
        // too; the release sends it again in its turn.
        var cooldown = await session.LoadAsync<EndpointCooldown>(message.SubscriptionId, ct);
        if (cooldown is not null && cooldown.Holds(clock.GetUtcNow(), message.Released))
        {
            if (!cooldown.Parked)
            {
                cooldown.Parked = true;
                session.Store(cooldown);
                await bus.ScheduleAsync(new ReleaseParkedDeliveries(message.SubscriptionId), cooldown.Until!.Value);
            }
            return;
        }
        var settings = options.CurrentValue;

        var stream = await session.Events.FetchForWriting<Delivery>(message.DeliveryId, ct);
        // Gone (the store was reset), settled, or superseded by a redelivery: this message has nothing to do.
        if (stream.Aggregate is not { } delivery || delivery.Status != DeliveryStatus.Pending || delivery.Ticket != message.Ticket)
            return;

        var now = clock.GetUtcNow();
        var subscriptionStream = await session.Events.FetchForWriting<Subscription>(delivery.SubscriptionId, ct);
        var subscription = subscriptionStream.Aggregate;
        var alert = await session.LoadAsync<AlertView>(delivery.AlertId, ct);
        var secrets = await session.LoadAsync<SubscriptionSecrets>(delivery.SubscriptionId, ct);
        var cancelled = subscription is not { State: SubscriptionState.Active }
            ? $"The subscription is {subscription?.State.ToString().ToLowerInvariant() ?? "gone"}."
            : alert is null ? "The alert no longer exists."
            : secrets is null ? "The subscription has no signing secret."
            : null;
        if (cancelled is not null)
        {
            stream.AppendOne(new DeliveryCancelled(delivery.Id, delivery.SubscriptionId, cancelled, now));
            return;
        }

        var body = WebhookPayload.For(alert!).ToUtf8();
        if (delivery.Trigger == DeliveryTrigger.Alert && delivery.Attempts.Count == 0) metrics.FirstAttemptStarted(now - delivery.AlertRaisedAt);
        var result = await sender.SendAsync(new Uri(subscription!.Url), delivery.Id.ToString(), now, body, secrets!.SigningAt(now), ct);
        var attemptedAt = clock.GetUtcNow();
        var (outcome, next) = DeliveryPolicy.Decide(result, delivery.RunAttempts + 1, WebhookOptions.ParseSchedule(settings.RetrySchedule),
            settings.MaxRetryAfter, attemptedAt, Random.Shared.NextDouble());
        var breaker = EndpointCooldown.After(cooldown, subscription.Id, result.StatusCode, attemptedAt, next,
            result.RetryAfter is not null && result.StatusCode is 429 or 503);
        if (breaker is not null) session.Store(breaker);
        else if (cooldown is not null) session.Delete(cooldown);
        Guid? nextTicket = next is null ? null : Guid.CreateVersion7(attemptedAt);
        stream.AppendOne(new DeliveryAttempted(delivery.Id, delivery.SubscriptionId, delivery.Attempts.Count + 1, attemptedAt,
            result.StatusCode, (int)Math.Min(int.MaxValue, result.Latency.TotalMilliseconds), result.Error, result.ResponseExcerpt,
            outcome, next, nextTicket));
        if (next is { } at) await bus.ScheduleAsync(new DeliverWebhook(delivery.Id, delivery.SubscriptionId, nextTicket!.Value), at);

        if (outcome == AttemptOutcome.Gone)
        {
            subscriptionStream.AppendOne(new SubscriptionDisabled(subscription.Id, "The endpoint answered 410 Gone.", attemptedAt));
        }
        else if (outcome != AttemptOutcome.Delivered)
        {
            var health = await session.LoadAsync<SubscriptionHealth>(subscription.Id, ct);
            if (DeliveryPolicy.ShouldDisable(health?.FailingSince, attemptedAt, settings.DisableAfter))
            {
                subscriptionStream.AppendOne(new SubscriptionDisabled(subscription.Id,
                    $"Every delivery has failed since {health!.FailingSince:u}, longer than {settings.DisableAfter}.", attemptedAt));
            }
        }
    }
}
