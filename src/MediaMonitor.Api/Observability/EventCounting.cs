using MediaMonitor.Alerts;
using MediaMonitor.Ingestion;
using MediaMonitor.Webhooks;
using Marten;
using Marten.Services;

namespace MediaMonitor.Observability;

/// <summary>Counts the domain events of every committed session of the store, whoever opened it.</summary>
public sealed class EventCounting(DomainMetrics metrics) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        long ingested = 0, alerts = 0;
        foreach (var e in commit.GetEvents())
        {
            switch (e.Data)
            {
                case ArticleIngested:
                    ingested++;
                    break;
                case AlertRaised:
                    alerts++;
                    break;
                case DeliveryAttempted attempted:
                    metrics.DeliveryAttempted(attempted.Outcome);
                    break;
            }
        }
        if (ingested > 0) metrics.Ingested(ingested);
        if (alerts > 0) metrics.AlertsRaised(alerts);
        return Task.CompletedTask;
    }
}
