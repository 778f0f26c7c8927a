using JasperFx.Events.Projections;
using Marten;

namespace MediaMonitor.Alerts;

public static class Configuration
{
    public static void AddAlerts(this StoreOptions marten)
    {
        marten.Projections.Add<AlertViewProjection>(ProjectionLifecycle.Inline);
        marten.Schema.For<AlertView>()
            .Index(x => x.RaisedAt)
            .Index(x => x.WatchlistId)
            .Index(x => x.ArticleId)
            .Index(x => x.State);
    }
}
