using MediaMonitor.Ingestion;
using Marten.Events.Projections;

namespace MediaMonitor.Watchlists;

/// <summary>Matches per watchlist. A counter fed by many article streams, so it runs in the async daemon:
/// an inline cross-stream counter would lose increments under concurrent ingestion.</summary>
public sealed class WatchlistMatchStats
{
    public Guid Id { get; set; }
    public long MatchCount { get; set; }
    public DateTimeOffset? LastMatchAt { get; set; }
}

public sealed partial class WatchlistMatchStatsProjection : MultiStreamProjection<WatchlistMatchStats, Guid>
{
    public WatchlistMatchStatsProjection()
    {
        Identity<ArticleMatched>(e => e.WatchlistId);
    }

    public static WatchlistMatchStats Create(ArticleMatched e) =>
        new() { Id = e.WatchlistId, MatchCount = 1, LastMatchAt = e.MatchedAt };

    public static void Apply(WatchlistMatchStats stats, ArticleMatched e)
    {
        stats.MatchCount++;
        if (stats.LastMatchAt is null || e.MatchedAt > stats.LastMatchAt) stats.LastMatchAt = e.MatchedAt;
    }
}
