using System.Collections.Concurrent;

namespace MediaMonitor.Webhooks;

/// <summary>
/// A circuit breaker per subscription, on this node: an endpoint that stopped answering, or answered that it is
/// failing, is left alone for a while, and its waiting deliveries step aside (rescheduled) instead of each holding a
/// delivery lane until it times out. Order and one-at-a-time per subscription are Wolverine's partitioned queues' (see
/// <see cref="Configuration.UseWebhookMessaging"/>), not this class's.
/// </summary>
public sealed class EndpointCooldown
{
    /// <summary>The longest a failing endpoint is left alone before the next probe.</summary>
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _coolingUntil = new();

    /// <summary>Until when deliveries to the subscription should wait, its endpoint having failed; null when they may go.</summary>
    public DateTimeOffset? CoolingUntil(Guid subscriptionId, DateTimeOffset now) =>
        _coolingUntil.TryGetValue(subscriptionId, out var until) && until > now ? until : null;

    /// <summary>
    /// Records an attempt's outcome: an endpoint that did not answer, or answered that it is failing, is left alone
    /// until <paramref name="retryAt"/>, at most <see cref="MaxCooldown"/>; one that asked for time with
    /// <c>Retry-After</c> gets all of it (<paramref name="retryAfterAsked"/>). Any answer below 500 but 429 shows the
    /// endpoint is there.
    /// </summary>
    public void Record(Guid subscriptionId, int? statusCode, DateTimeOffset now, DateTimeOffset? retryAt, bool retryAfterAsked = false)
    {
        var failing = statusCode is null or >= 500 or 429;
        if (!failing)
        {
            _coolingUntil.TryRemove(subscriptionId, out _);
            return;
        }
        _coolingUntil[subscriptionId] = retryAt is { } at && (retryAfterAsked || at - now < MaxCooldown) ? at : now + MaxCooldown;
    }

    /// <summary>Ends a cooldown: the subscription was resumed, and its endpoint is to be tried now.</summary>
    public void Reset(Guid subscriptionId) => _coolingUntil.TryRemove(subscriptionId, out _);
}
