using JasperFx.Events.Projections;
using Marten;

namespace MediaMonitor.Alerts;

public static class Configuration
{
    public static void AddAlerts(this StoreOptions marten)
    {
        // Commands decide on the alert folded live from its few events; the feed reads the inline view.
        marten.Projections.LiveStreamAggregation<Alert>();
        marten.Projections.Add<AlertViewProjection>(ProjectionLifecycle.Inline);
        marten.Schema.For<AlertView>()
            .Index(x => x.RaisedAt)
            .Index(x => x.WatchlistId)
            .Index(x => x.ArticleId)
            .Index(x => x.State);
    }
}
