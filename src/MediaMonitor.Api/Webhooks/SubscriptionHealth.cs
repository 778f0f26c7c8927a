using Marten.Events.Projections;

namespace MediaMonitor.Webhooks;

/// <summary>How a subscription's endpoint has been answering, fed by every attempt of every delivery.</summary>
public sealed class SubscriptionHealth
{
    public Guid Id { get; set; }
    public int Delivered { get; set; }
    public int FailedAttempts { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>The first failure since the last success; null while the endpoint answers.</summary>
    public DateTimeOffset? FailingSince { get; set; }
}

/// <summary>Async: one subscription's counters take writes from all its deliveries' streams.</summary>
public sealed partial class SubscriptionHealthProjection : MultiStreamProjection<SubscriptionHealth, Guid>
{
    public SubscriptionHealthProjection()
    {
        Identity<DeliveryAttempted>(e => e.SubscriptionId);
        Identity<SubscriptionResumed>(e => e.SubscriptionId);
    }

    public static SubscriptionHealth Create(SubscriptionResumed e) => new() { Id = e.SubscriptionId };

    /// <summary>A resumed subscription starts a clean record: failures before it do not count towards disabling it again.</summary>
    public static void Apply(SubscriptionHealth health, SubscriptionResumed e)
    {
        health.ConsecutiveFailures = 0;
        health.FailingSince = null;
    }

    public static SubscriptionHealth Create(DeliveryAttempted e)
    {
        var health = new SubscriptionHealth { Id = e.SubscriptionId };
        Apply(health, e);
        return health;
    }

    public static void Apply(SubscriptionHealth health, DeliveryAttempted e)
    {
        health.LastAttemptAt = e.At;
        if (e.Outcome == AttemptOutcome.Delivered)
        {
            health.Delivered++;
            health.ConsecutiveFailures = 0;
            health.LastSuccessAt = e.At;
            health.FailingSince = null;
            return;
        }
        health.FailedAttempts++;
        health.ConsecutiveFailures++;
        health.FailingSince ??= e.At;
    }
}
