namespace MediaMonitor.Webhooks;

/// <summary>
/// A subscription's circuit breaker, one document per subscription, in the database so that every node sees it: an
/// endpoint that stopped answering, or answered that it is failing, is left alone <see cref="Until"/> a time, and the
/// deliveries that come for it meanwhile are parked (their messages consumed; the deliveries stay pending) rather than
/// each holding a delivery lane, or being rescheduled one by one, until it recovers. One
/// <see cref="ReleaseParkedDeliveries"/> message attempts them later, in their order. Order and one-at-a-time per
/// subscription are Wolverine's partitioned queues' (see <see cref="Configuration.UseWebhookMessaging"/>), not this
/// class's.
/// </summary>
public sealed class EndpointCooldown
{
    /// <summary>The longest a failing endpoint is left alone before the next probe.</summary>
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromMinutes(1);

    /// <summary>The subscription's id.</summary>
    public Guid Id { get; set; }

    /// <summary>Until when deliveries wait, the endpoint having failed; null once it answered again.</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Deliveries are parked, and a <see cref="ReleaseParkedDeliveries"/> is on its way: until it has attempted
    /// them all, a new delivery parks too, so that none overtakes them.</summary>
    public bool Parked { get; set; }

    public bool IsCooling(DateTimeOffset now) => Until > now;

    /// <summary>Whether a delivery's message should park it rather than make an attempt: the endpoint is cooling, or older
    /// deliveries wait for a release and this message is not one (<paramref name="released"/>).</summary>
    public bool Holds(DateTimeOffset now, bool released) => IsCooling(now) || (Parked && !released);

    /// <summary>
    /// The breaker after an attempt that came to <paramref name="statusCode"/>: an endpoint that did not answer, or
    /// answered that it is failing, is left alone until <paramref name="retryAt"/>, at most <see cref="MaxCooldown"/>;
    /// one that asked for time with <c>Retry-After</c> gets all of it (<paramref name="retryAfterAsked"/>). Any answer
    /// below 500 but 429 shows the endpoint is there and ends the cooldown. Null: nothing left to keep; otherwise
    /// <paramref name="current"/> changed, or a new breaker.
    /// </summary>
    public static EndpointCooldown? After(
        EndpointCooldown? current, Guid subscriptionId, int? statusCode, DateTimeOffset now, DateTimeOffset? retryAt, bool retryAfterAsked = false)
    {
        var failing = statusCode is null or >= 500 or 429;
        if (!failing && current is not { Parked: true }) return null;
        // The loaded document is changed, not replaced by a second instance of the same id.
        var cooldown = current ?? new EndpointCooldown { Id = subscriptionId };
        cooldown.Until = !failing ? null
            : retryAt is { } at && (retryAfterAsked || at - now < MaxCooldown) ? at
            : now + MaxCooldown;
        return cooldown;
    }
}
