using MediaMonitor.Spikes;

namespace MediaMonitor.Watchlists;

public sealed record WatchlistResponse(
    Guid Id, string Name, IReadOnlyList<WatchTerm> Terms, string? Rule, int Version, WatchlistState State,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long MatchCount, DateTimeOffset? LastMatchAt, SpikeRuleResponse? SpikeRule)
{
    public static WatchlistResponse From(Watchlist w, WatchlistMatchStats? stats) => new(
        w.Id, w.Name, w.Terms, w.Rule, w.Version, w.State, w.CreatedAt, w.UpdatedAt, stats?.MatchCount ?? 0, stats?.LastMatchAt,
        w.SpikeRule is { } rule ? SpikeRuleResponse.From(rule) : null);
}
