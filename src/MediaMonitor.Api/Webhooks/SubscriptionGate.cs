using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MediaMonitor.Webhooks;

/// <summary>
/// Per subscription, on this node: one delivery at a time, the others waiting their turn in arrival order, so one
/// subscriber's deliveries go out in the order their messages were taken while other subscriptions proceed in
/// parallel; and a circuit breaker, so an endpoint that stopped answering is probed by one delivery at a time instead
/// of tying up a worker per pending delivery until each times out.
/// Waiting deliveries hold workers, so they are capped: a quarter of the workers for one subscription, half for all
/// together, so slow endpoints leave the other half to everyone else. A delivery that finds the cap reached, or waits
/// longer than an attempt can take, steps aside: it is rescheduled.
/// </summary>
public sealed class SubscriptionGate(IOptionsMonitor<WebhookOptions> options)
{
    /// <summary>The longest a failing endpoint is left alone before the next probe.</summary>
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Lane> _lanes = new();
    private int _waiting;

    private int MaxWaitingPerSubscription => Math.Max(1, options.CurrentValue.MaxParallelDeliveries / 4);

    private int MaxWaiting => Math.Max(1, options.CurrentValue.MaxParallelDeliveries / 2);

    /// <summary>A lease to dispose when the delivery is done, or null when the subscription stayed busy.</summary>
    public async Task<IDisposable?> EnterAsync(Guid subscriptionId, TimeSpan maxWait, CancellationToken ct)
    {
        var lane = LaneOf(subscriptionId);
        // Free: no wait, no cap.
        if (lane.Turn.Wait(0, CancellationToken.None)) return new Lease(lane);
        if (Interlocked.Increment(ref lane.Waiting) > MaxWaitingPerSubscription | Interlocked.Increment(ref _waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref lane.Waiting);
            Interlocked.Decrement(ref _waiting);
            return null;
        }
        try
        {
            return await lane.Turn.WaitAsync(maxWait, ct) ? new Lease(lane) : null;
        }
        finally
        {
            Interlocked.Decrement(ref lane.Waiting);
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Until when deliveries to the subscription should wait, its endpoint having failed; null when they may go.</summary>
    public DateTimeOffset? CoolingUntil(Guid subscriptionId, DateTimeOffset now) =>
        _lanes.TryGetValue(subscriptionId, out var lane) && lane.CoolingUntil is { } until && until > now ? until : null;

    /// <summary>
    /// Records an attempt's outcome: an endpoint that did not answer, or answered that it is failing, is left alone
    /// until <paramref name="retryAt"/>, at most <see cref="MaxCooldown"/>; one that asked for time with
    /// <c>Retry-After</c> gets all of it (<paramref name="retryAfterAsked"/>). Any answer below 500 but 429 shows the
    /// endpoint is there.
    /// </summary>
    public void Record(Guid subscriptionId, int? statusCode, DateTimeOffset now, DateTimeOffset? retryAt, bool retryAfterAsked = false)
    {
        var lane = LaneOf(subscriptionId);
        var failing = statusCode is null or >= 500 or 429;
        lane.CoolingUntil = !failing ? null
            : retryAt is { } at && (retryAfterAsked || at - now < MaxCooldown) ? at
            : now + MaxCooldown;
    }

    /// <summary>Ends a cooldown: the subscription was resumed, and its endpoint is to be tried now.</summary>
    public void Reset(Guid subscriptionId)
    {
        if (_lanes.TryGetValue(subscriptionId, out var lane)) lane.CoolingUntil = null;
    }

    private Lane LaneOf(Guid subscriptionId) => _lanes.GetOrAdd(subscriptionId, _ => new Lane());

    private sealed class Lane
    {
        // SemaphoreSlim releases asynchronous waiters in the order they began to wait.
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Waiting;
        public DateTimeOffset? CoolingUntil;
    }

    private sealed class Lease(Lane lane) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) lane.Turn.Release();
        }
    }
}
