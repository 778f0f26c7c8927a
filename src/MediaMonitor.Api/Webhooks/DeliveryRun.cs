using JasperFx.Events;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using MediaMonitor.Observability;
using MediaMonitor.Spikes;
using Marten;
using Wolverine;

namespace MediaMonitor.Webhooks;

/// <summary>
/// The next attempts of some deliveries of one subscription, in the order given, recorded in the handler's one
/// transaction: one round trip reads all they need, one commit records them. Each attempt sees the outcome of those
/// before it: after a failure the endpoint cools and the rest are parked; after a 410, or once the subscription is
/// disabled for failing too long, the rest are cancelled.
/// </summary>
public sealed class DeliveryRun(
    IDocumentSession session, IMessageContext bus, WebhookSender sender, DomainMetrics metrics, WebhookOptions settings, TimeProvider clock)
{
    /// <summary>How long a run goes on starting attempts before it commits them: the deliveries it did not reach are
    /// parked, to be released in their order. A node that dies repeats the attempts it made but had not recorded, so this
    /// bounds that: with an endpoint answering in 100 ms, a batch of 50 ran 5 s, and a kill -9 repeated up to 15 of 100
    /// webhooks (failover benchmark).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <param name="Released">Run by a release of parked deliveries: its turn among them has come.</param>
    public sealed record Item(Guid DeliveryId, Guid AlertId, Guid Ticket, bool Released);

    /// <summary>A subscription's deliveries whose attempt is due, in their order (the index on subscription, status and
    /// position serves it).</summary>
    public static IQueryable<Delivery> Due(IQuerySession session, Guid subscriptionId, DateTimeOffset now) =>
        session.Query<Delivery>()
            .Where(d => d.SubscriptionId == subscriptionId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && d.Ticket != null)
            .OrderBy(d => d.Position);

    public async Task RunAsync(Guid subscriptionId, IReadOnlyList<Item> items, CancellationToken ct)
    {
        // A delivery sent twice (a release and its own message, say) is attempted once.
        var distinct = items.DistinctBy(i => i.DeliveryId).ToList();
        var batch = session.CreateBatchQuery();
        var cooldownLoad = batch.Load<EndpointCooldown>(subscriptionId);
        var subscriptionFetch = batch.Events.FetchForWriting<Subscription>(subscriptionId);
        var secretsLoad = batch.Load<SubscriptionSecrets>(subscriptionId);
        var deliveryFetches = distinct.Select(i => batch.Events.FetchForWriting<Delivery>(i.DeliveryId)).ToList();
        var alertsLoad = batch.LoadMany<AlertView>().ById(distinct.Where(i => i.AlertId != Guid.Empty).Select(i => i.AlertId).Distinct().ToArray());
        await batch.Execute(ct);

        var loadedCooldown = await cooldownLoad;
        var cooldown = loadedCooldown;
        var cooldownChanged = false;
        var subscriptionStream = await subscriptionFetch;
        var subscription = subscriptionStream.Aggregate;
        var secrets = await secretsLoad;
        var alerts = (await alertsLoad).ToDictionary(a => a.Id);
        string? inactive = subscription is not { State: SubscriptionState.Active }
            ? $"The subscription is {subscription?.State.ToString().ToLowerInvariant() ?? "gone"}."
            : null;
        var schedule = WebhookOptions.ParseSchedule(settings.RetrySchedule);
        var started = clock.GetUtcNow();

        for (var i = 0; i < distinct.Count; i++)
        {
            var now = clock.GetUtcNow();
            if (now - started > Budget)
            {
                // Out of time: a release picks up the rest in their order (those it runs are still pending, and it
                // comes back for them); new deliveries park behind them meanwhile.
                if (cooldown is not { Parked: true })
                {
                    cooldown ??= new EndpointCooldown { Id = subscriptionId };
                    cooldown.Parked = true;
                    cooldownChanged = true;
                    await bus.PublishAsync(new ReleaseParkedDeliveries(subscriptionId));
                }
                break;
            }
            if (cooldown is not null && cooldown.Holds(now, distinct[i].Released))
            {
                // The endpoint failed lately: the delivery waits, pending, rather than pile up attempts that would fail
                // too; one release sends the parked deliveries again, in their order.
                if (!cooldown.Parked)
                {
                    cooldown.Parked = true;
                    cooldownChanged = true;
                    await bus.ScheduleAsync(new ReleaseParkedDeliveries(subscriptionId), cooldown.Until!.Value);
                }
                continue;
            }

            var stream = await deliveryFetches[i];
            // Gone (the store was reset), settled, or superseded by a redelivery: nothing to do.
            if (stream.Aggregate is not { } delivery || delivery.Status != DeliveryStatus.Pending || delivery.Ticket != distinct[i].Ticket)
                continue;
            var body = delivery.Kind == DeliveryKind.Spike
                ? await SpikeBodyAsync(delivery.AlertId, ct)
                : (alerts.GetValueOrDefault(delivery.AlertId) ?? await session.LoadAsync<AlertView>(delivery.AlertId, ct)) is { } alert
                    ? WebhookPayload.For(alert).ToUtf8()
                    : null;
            var cancelled = inactive
                ?? (body is null ? $"The {(delivery.Kind == DeliveryKind.Spike ? "spike" : "alert")} no longer exists."
                : secrets is null ? "The subscription has no signing secret."
                : null);
            if (cancelled is not null)
            {
                stream.AppendOne(Stamped(delivery, new DeliveryCancelled(delivery.Id, subscriptionId, cancelled, now), await CauseOfNextAsync(delivery, ct)));
                continue;
            }

            if (delivery.Kind == DeliveryKind.Alert && delivery.Trigger == DeliveryTrigger.Alert && delivery.Attempts.Count == 0) metrics.FirstAttemptStarted(now - delivery.AlertRaisedAt);
            var result = await sender.SendAsync(new Uri(subscription!.Url), delivery.Id.ToString(), now, body!, secrets!.SigningAt(now), ct);
            var attemptedAt = clock.GetUtcNow();
            var (outcome, next) = DeliveryPolicy.Decide(result, delivery.RunAttempts + 1, schedule, settings.MaxRetryAfter, attemptedAt,
                Random.Shared.NextDouble());
            cooldown = EndpointCooldown.After(cooldown, subscriptionId, result.StatusCode, attemptedAt, next,
                result.RetryAfter is not null && result.StatusCode is 429 or 503);
            cooldownChanged = true;
            Guid? nextTicket = next is null ? null : Guid.CreateVersion7(attemptedAt);
            var attempt = Stamped(delivery, new DeliveryAttempted(delivery.Id, subscriptionId, delivery.Attempts.Count + 1, attemptedAt,
                result.StatusCode, (int)Math.Min(int.MaxValue, result.Latency.TotalMilliseconds), result.Error, result.ResponseExcerpt,
                outcome, next, nextTicket), await CauseOfNextAsync(delivery, ct));
            stream.AppendOne(attempt);
            // The retry's envelope carries the request's correlation id and the attempt as its cause too, for Wolverine's
            // own logs and traces (a batch drops them, which is why the events are stamped from the delivery itself).
            if (next is { } at)
                await bus.ScheduleAsync(new DeliverWebhook(delivery.Id, subscriptionId, delivery.AlertId, nextTicket!.Value), at,
                    new DeliveryOptions { CorrelationId = delivery.CorrelationId, CausationId = attempt.Id.ToString() });

            inactive = await DisablingAsync(subscriptionStream, delivery, attempt, outcome, attemptedAt, ct);
        }

        if (!cooldownChanged) return;
        if (cooldown is not null) session.Store(cooldown);
        else if (loadedCooldown is not null) session.Delete(loadedCooldown);
    }

    /// <summary>A spike's webhook, from its stream folded live: its <see cref="SpikeView"/> document is kept by the async
    /// daemon, which the dispatch can outrun; the stream is there once the spike is.</summary>
    private async Task<byte[]?> SpikeBodyAsync(Guid spikeId, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<SpikeView>(spikeId, token: ct) is { } spike ? SpikeWebhookPayload.For(spike).ToUtf8() : null;

    /// <summary>Disables the subscription when the endpoint said it is gone (410), or has failed for longer than
    /// allowed; returns why the deliveries after this one are cancelled, or null.</summary>
    private async Task<string?> DisablingAsync(
        IEventStream<Subscription> subscription, Delivery delivery, IEvent attempt, AttemptOutcome outcome, DateTimeOffset at, CancellationToken ct)
    {
        string? reason = null;
        if (outcome == AttemptOutcome.Gone) reason = "The endpoint answered 410 Gone.";
        else if (outcome != AttemptOutcome.Delivered)
        {
            var health = await session.LoadAsync<SubscriptionHealth>(subscription.Id, ct);
            if (DeliveryPolicy.ShouldDisable(health?.FailingSince, at, settings.DisableAfter))
                reason = $"Every delivery has failed since {health!.FailingSince:u}, longer than {settings.DisableAfter}.";
        }
        if (reason is null) return null;
        subscription.AppendOne(Stamped(delivery, new SubscriptionDisabled(subscription.Id, reason, at), attempt.Id));
        return "The subscription is disabled.";
    }

    /// <summary>The id of the delivery's last event, which caused the next; read from its stream for a delivery stored
    /// before it kept that id.</summary>
    private async Task<Guid> CauseOfNextAsync(Delivery delivery, CancellationToken ct) =>
        delivery.LastEventId != Guid.Empty
            ? delivery.LastEventId
            : (await session.Events.FetchStreamAsync(delivery.Id, fromVersion: delivery.Version, token: ct)).LastOrDefault()?.Id ?? Guid.Empty;

    /// <summary>An event of the delivery's story, recorded under the request that queued it and caused by the event
    /// before it: a batch mixes the deliveries of several requests, and its own envelope carries none of theirs (its
    /// session would stamp the batch's own id as the cause).</summary>
    private IEvent Stamped(Delivery delivery, object data, Guid causedBy)
    {
        var e = session.Events.BuildEvent(data);
        e.CorrelationId = delivery.CorrelationId;
        e.UserName = delivery.RequestedBy;
        if (causedBy != Guid.Empty) e.CausedBy(causedBy);
        return e;
    }
}
