using MediaMonitor.Webhooks;
using Wolverine.Tracking;

namespace MediaMonitor.IntegrationTests;

/// <summary>
/// Holds a tracked session open until a batch of delivery attempts of one subscription has been handled, its outcomes
/// committed. Wolverine gathers the attempts into a batch only after their messages were handed over, so a session
/// without this may end in between; and were batches counted by type alone, one that an earlier test left behind (a
/// late retry) would end it too soon.
/// </summary>
public sealed class AttemptsRun(Guid subscriptionId) : ITrackedCondition
{
    private volatile bool _done;

    public void Record(EnvelopeRecord record)
    {
        if (record.MessageEventType == MessageEventType.ExecutionFinished &&
            record.Envelope?.Message is DeliverWebhook[] batch && batch.Any(m => m.SubscriptionId == subscriptionId))
            _done = true;
    }

    public bool IsCompleted() => _done;
}
