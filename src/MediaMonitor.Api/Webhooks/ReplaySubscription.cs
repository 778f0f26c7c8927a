using MediaMonitor.Access;
using MediaMonitor.Alerts;
using MediaMonitor.Infrastructure;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace MediaMonitor.Webhooks;

/// <param name="From">Alerts raised at or after this time.</param>
/// <param name="To">Alerts raised before this time; left out, now.</param>
public sealed record ReplaySubscription(DateTimeOffset? From, DateTimeOffset? To);

public sealed record ReplayAccepted(Guid SubscriptionId, Guid ReplayId, DateTimeOffset From, DateTimeOffset To, int Alerts);

/// <summary>Schedule the next batch of a replay: the alerts after the given one (raised time, then id).</summary>
public sealed record RunReplay(Guid SubscriptionId, Guid ReplayId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset? AfterRaisedAt = null, Guid? AfterId = null);

public static class ReplaySubscriptionEndpoint
{
    /// <summary>Alerts one replay may cover: enough for days of a busy watchlist.</summary>
    public const int MaxAlerts = 10_000;

    /// <summary>
    /// Sends again every alert the subscription wants (by its current filter) raised in the range: for a subscriber
    /// that lost data. 202 at once, with how many alerts the range holds; the deliveries are scheduled in the background,
    /// in raised order, in durable batches. An alert it was sent before goes again with the same <c>webhook-id</c> (a
    /// new run of its delivery); one it never had (raised before it subscribed, or while paused) gets a delivery now.
    /// Deliveries still pending are left to finish. The replay is recorded on the subscription's stream, so two at once
    /// are one too many: the second hears 409.
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

        var stream = await session.Events.FetchForWriting<Subscription>(id, ct);
        if (stream.Aggregate is not { } subscription) return (Problems.NotFound("Subscription", id), messages);
        if (subscription.State != SubscriptionState.Active)
            return (Problems.Conflict($"Subscription {id} is {subscription.State.ToString().ToLowerInvariant()}; resume it first."), messages);

        // Counted no further than the limit: a range of a busy year would otherwise be counted row by row.
        var alerts = (await Wanted(session, subscription, from, to).Select(a => a.Id).Take(MaxAlerts + 1).ToListAsync(ct)).Count;
        if (alerts > MaxAlerts)
        {
            errors.Add("from", $"More than {MaxAlerts:N0} alerts in this range; replay it in parts.");
            return (Problems.Invalid(errors), messages);
        }

        var started = new SubscriptionReplayStarted(id, Guid.CreateVersion7(now), from, to, alerts, now);
        stream.AppendOne(started);
        messages.Add(new RunReplay(id, started.ReplayId, from, to));
        return (Results.Accepted($"/api/subscriptions/{id}/deliveries", new ReplayAccepted(id, started.ReplayId, from, to, alerts)), messages);
    }

    /// <summary>The alerts of the range the subscription wants, by its current filter.</summary>
    public static IQueryable<AlertView> Wanted(IQuerySession session, Subscription subscription, DateTimeOffset from, DateTimeOffset to)
    {
        var query = session.Query<AlertView>().Where(a => a.RaisedAt >= from && a.RaisedAt < to);
        if (!subscription.IncludeBackfill) query = query.Where(a => !a.Backfill);
        if (subscription.WatchlistIds is { } wanted)
        {
            var ids = wanted.ToArray();
            query = query.Where(a => a.WatchlistId.IsOneOf(ids));
        }
        return query;
    }
}

/// <summary>
/// One batch of a replay in one transaction: its deliveries and their first attempts commit together with the message
/// for the next batch (Wolverine's outbox), so a replay cut short by a restart goes on from its last batch. A
/// subscription paused or deleted meanwhile ends its replay.
/// </summary>
public static class RunReplayHandler
{
    public const int BatchSize = 500;

    /// <summary>A batch that loses a race with a delivery's own attempt is simply done again.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.RetryUntilDone([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)],
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public static async Task<OutgoingMessages> Handle(RunReplay run, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var subscription = await session.LoadAsync<Subscription>(run.SubscriptionId, ct);
        if (subscription is not { State: SubscriptionState.Active }) return messages;

        var query = ReplaySubscriptionEndpoint.Wanted(session, subscription, run.From, run.To);
        if (run.AfterRaisedAt is { } afterRaisedAt && run.AfterId is { } afterId)
        {
            // Keyset paging in the order Marten sorts by: the expressions it orders with, compared as a row.
            var schema = session.DocumentStore.Options.DatabaseSchemaName;
            query = query.Where(a => a.MatchesSql($"({schema}.mt_immutable_timestamptz(d.data ->> 'raisedAt'), d.id) > ({schema}.mt_immutable_timestamptz(?), ?)",
                afterRaisedAt.ToString("O"), afterId));
        }
        var alerts = await query.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .Select(a => new ReplayedAlert(a.Id, a.WatchlistId, a.RaisedAt)).Take(BatchSize).ToListAsync(ct);

        var now = clock.GetUtcNow();
        var deliveryIds = alerts.Select(a => DispatchAlertHandler.DeliveryId(run.SubscriptionId, a.Id)).ToArray();
        var existing = (await session.LoadManyAsync<Delivery>(ct, deliveryIds)).ToDictionary(d => d.Id);
        for (var i = 0; i < alerts.Count; i++)
        {
            var ticket = SequentialGuid.Next(now);
            if (existing.TryGetValue(deliveryIds[i], out var delivery))
            {
                if (delivery.Status == DeliveryStatus.Pending) continue;
                // At the version read: a concurrent attempt or redelivery makes this batch start again, not interleave.
                session.Events.Append(delivery.Id, delivery.Version + 1,
                    new DeliveryRequeued(delivery.Id, run.SubscriptionId, ticket, DeliveryTrigger.Replay, now));
            }
            else
            {
                session.Events.StartStream<Delivery>(deliveryIds[i], new DeliveryScheduled(deliveryIds[i], run.SubscriptionId, alerts[i].Id,
                    alerts[i].WatchlistId, alerts[i].RaisedAt, ticket, DeliveryTrigger.Replay, now));
            }
            messages.Add(new DeliverWebhook(deliveryIds[i], run.SubscriptionId, alerts[i].Id, ticket));
        }
        if (alerts.Count == BatchSize) messages.Add(run with { AfterRaisedAt = alerts[^1].RaisedAt, AfterId = alerts[^1].Id });
        return messages;
    }

    private sealed record ReplayedAlert(Guid Id, Guid WatchlistId, DateTimeOffset RaisedAt);
}
