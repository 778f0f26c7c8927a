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
        // The feed filters on one of these and reads newest first: each filter leads an index that ends in the
        // raised time, so a page costs the same whether the filter keeps most alerts or none (a walk of the time index
        // alone would read every alert to find the few of a rare source).
        marten.Schema.For<AlertView>()
            .Index(x => x.RaisedAt)
            .Index(x => x.ArticleId)
            .Index([x => x.WatchlistId, x => x.RaisedAt])
            .Index([x => x.State, x => x.RaisedAt])
            .Index([x => x.Source!, x => x.RaisedAt])
            .Index([x => x.Lang, x => x.RaisedAt]);
    }
}
