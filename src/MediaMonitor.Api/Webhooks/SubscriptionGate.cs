using System.Collections.Concurrent;

namespace MediaMonitor.Webhooks;

/// <summary>
/// One delivery at a time per subscription on this node. Deliveries to one subscriber then go out in the order their
/// messages are taken, and a slow or dead endpoint holds one worker, not all of them: a delivery that finds its
/// subscription busy steps aside (it is rescheduled) instead of waiting in a worker.
/// </summary>
public sealed class SubscriptionGate
{
    private readonly ConcurrentDictionary<Guid, byte> _busy = new();

    /// <summary>A lease to dispose when the delivery is done, or null when another delivery holds the subscription.</summary>
    public IDisposable? TryEnter(Guid subscriptionId) =>
        _busy.TryAdd(subscriptionId, 0) ? new Lease(this, subscriptionId) : null;

    private sealed class Lease(SubscriptionGate gate, Guid id) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) gate._busy.TryRemove(id, out _);
        }
    }
}
