using JasperFx;
using JasperFx.Events;

namespace MediaMonitor.Webhooks;

/// <summary>Why a delivery was queued: first dispatched (<see cref="Alert"/>, for a spike too), redelivered, replayed.</summary>
public enum DeliveryTrigger { Alert, Redeliver, Replay }

/// <summary>What a delivery carries: an <c>alert.raised</c> or a <c>watchlist.spike</c> webhook.</summary>
public enum DeliveryKind { Alert, Spike }

/// <summary>
/// One alert for one subscription. Its id is also the <c>webhook-id</c> header, the same on every attempt, so a
/// receiver can tell a retry from a new message. <paramref name="Ticket"/> names the message that may make the next
/// attempt: a redelivery issues a new ticket, and a message with an old one does nothing. With <paramref name="Kind"/>
/// <see cref="DeliveryKind.Spike"/>, <paramref name="AlertId"/> is the spike's id and <paramref name="AlertRaisedAt"/> its
/// detection time (the fields keep their names, so events recorded before spikes read as they did: alerts).
/// </summary>
public sealed record DeliveryScheduled(
    Guid DeliveryId, Guid SubscriptionId, Guid AlertId, Guid WatchlistId, DateTimeOffset AlertRaisedAt, Guid Ticket,
    DeliveryTrigger Trigger, DateTimeOffset At, DeliveryKind Kind = DeliveryKind.Alert);

/// <param name="Attempt">Counts every attempt of the delivery, across redeliveries.</param>
public sealed record DeliveryAttempted(
    Guid DeliveryId, Guid SubscriptionId, int Attempt, DateTimeOffset At, int? StatusCode, int LatencyMs, string? Error,
    string? ResponseExcerpt, AttemptOutcome Outcome, DateTimeOffset? NextAttemptAt, Guid? NextTicket);

/// <summary>Sent again on request (redeliver) or as part of a replay: a new run of the retry schedule.</summary>
public sealed record DeliveryRequeued(Guid DeliveryId, Guid SubscriptionId, Guid Ticket, DeliveryTrigger Trigger, DateTimeOffset At);

/// <summary>Not sent: the subscription was paused, disabled or deleted, or the alert is gone, before its turn.</summary>
public sealed record DeliveryCancelled(Guid DeliveryId, Guid SubscriptionId, string Reason, DateTimeOffset At);

public enum DeliveryStatus { Pending, Delivered, Failed, Cancelled }

public sealed record DeliveryAttempt(
    int Attempt, DateTimeOffset At, int? StatusCode, int LatencyMs, string? Error, string? ResponseExcerpt, AttemptOutcome Outcome);

/// <summary>The delivery stream folded into its current state, kept inline as a document.</summary>
public sealed partial class Delivery : IRevisioned
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    /// <summary>The alert delivered, or the spike (<see cref="Kind"/>).</summary>
    public Guid AlertId { get; set; }
    public DeliveryKind Kind { get; set; }
    public Guid WatchlistId { get; set; }
    public DateTimeOffset AlertRaisedAt { get; set; }
    public DeliveryTrigger Trigger { get; set; }
    public DeliveryStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public List<DeliveryAttempt> Attempts { get; set; } = [];

    /// <summary>Attempts in the current run, which the retry schedule counts.</summary>
    public int RunAttempts { get; set; }

    /// <summary>The ticket of the message allowed to make the next attempt; null when none is due.</summary>
    public Guid? Ticket { get; set; }

    /// <summary>Its place among the subscription's deliveries: the ticket it was last queued with (scheduled, redelivered,
    /// replayed), made by <see cref="Infrastructure.SequentialGuid"/> so that those queued by one transaction sort in
    /// the order queued. Retries keep it.</summary>
    public Guid Position { get; set; }

    /// <summary>The correlation id of the request that queued it (scheduled, redelivered, replayed): its attempts are
    /// recorded under it, whichever messages and batches carry them.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Who queued it (the API key's name); null for the system.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>The id of its stream's last event: what its next event is caused by (the first attempt by the scheduling,
    /// each retry by the attempt that scheduled it), so the causation ids lead back step by step to the alert.</summary>
    public Guid LastEventId { get; set; }

    public int Version { get; set; }

    /// <summary>A copy to fold a new event into (the attempts list is shared: copy it before adding to it).</summary>
    public Delivery Copy() => (Delivery)MemberwiseClone();

    public static Delivery Create(IEvent<DeliveryScheduled> e)
    {
        var delivery = From(e.Data);
        delivery.CorrelationId = e.CorrelationId;
        delivery.RequestedBy = e.UserName;
        delivery.LastEventId = e.Id;
        return delivery;
    }

    public static Delivery From(DeliveryScheduled e) => new()
    {
        Id = e.DeliveryId, SubscriptionId = e.SubscriptionId, AlertId = e.AlertId, Kind = e.Kind, WatchlistId = e.WatchlistId,
        AlertRaisedAt = e.AlertRaisedAt, Trigger = e.Trigger, Status = DeliveryStatus.Pending, Ticket = e.Ticket, Position = e.Ticket,
        CreatedAt = e.At, UpdatedAt = e.At, NextAttemptAt = e.At,
    };

    public void Apply(IEvent<DeliveryAttempted> e)
    {
        Record(e.Data);
        LastEventId = e.Id;
    }

    public void Record(DeliveryAttempted e)
    {
        Attempts.Add(new DeliveryAttempt(e.Attempt, e.At, e.StatusCode, e.LatencyMs, e.Error, e.ResponseExcerpt, e.Outcome));
        RunAttempts++;
        Ticket = e.NextTicket;
        NextAttemptAt = e.NextAttemptAt;
        Status = e.Outcome switch
        {
            AttemptOutcome.Delivered => DeliveryStatus.Delivered,
            AttemptOutcome.WillRetry => DeliveryStatus.Pending,
            _ => DeliveryStatus.Failed,
        };
        Reason = e.Outcome switch
        {
            AttemptOutcome.Failed => "The retry schedule is exhausted.",
            AttemptOutcome.Gone => "The endpoint answered 410 Gone.",
            _ => null,
        };
        UpdatedAt = e.At;
    }

    public void Apply(IEvent<DeliveryRequeued> e)
    {
        Requeue(e.Data);
        CorrelationId = e.CorrelationId;
        RequestedBy = e.UserName;
        LastEventId = e.Id;
    }

    public void Requeue(DeliveryRequeued e)
    {
        Status = DeliveryStatus.Pending;
        Trigger = e.Trigger;
        Ticket = e.Ticket;
        Position = e.Ticket;
        RunAttempts = 0;
        Reason = null;
        NextAttemptAt = e.At;
        UpdatedAt = e.At;
    }

    public void Apply(IEvent<DeliveryCancelled> e)
    {
        Cancel(e.Data);
        LastEventId = e.Id;
    }

    public void Cancel(DeliveryCancelled e)
    {
        Status = DeliveryStatus.Cancelled;
        Reason = e.Reason;
        Ticket = null;
        NextAttemptAt = null;
        UpdatedAt = e.At;
    }
}
