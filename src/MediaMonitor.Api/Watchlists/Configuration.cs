using JasperFx.Events.Projections;
using Marten;
using Wolverine;

namespace MediaMonitor.Watchlists;

public static class Configuration
{
    public static void AddWatchlists(this StoreOptions marten)
    {
        // Inline: a command's decision and the next read see the same state, in the same transaction.
        marten.Projections.Snapshot<Watchlist>(SnapshotLifecycle.Inline);
        marten.Schema.For<Watchlist>().Index(x => x.State);
        marten.Projections.Snapshot<Backfill>(SnapshotLifecycle.Inline);
        marten.Schema.For<Backfill>().Index(x => x.WatchlistId);
        // Async: counters fed by every article stream (see WatchlistMatchStats).
        marten.Projections.Add<WatchlistMatchStatsProjection>(ProjectionLifecycle.Async);
    }

    public static void UseWatchlistMessaging(this WolverineOptions opts)
    {
        // Backfills one batch at a time: two backfills over the same articles would otherwise keep colliding on them.
        opts.LocalQueue("backfills").Sequential();
        opts.PublishMessage<RunBackfill>().ToLocalQueue("backfills");
    }
}
