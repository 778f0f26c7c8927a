using MediaMonitor.Matching;

namespace MediaMonitor.Ingestion;

public sealed record ArticleIngested(
    Guid ArticleId, string? Title, string Body, string Lang, string? Source, string? Url,
    DateTimeOffset? PublishedAt, string ContentHash, DateTimeOffset IngestedAt);

/// <summary>Where one watched term was found: field and character offsets into the original text.</summary>
public sealed record MatchHit(string Term, ArticleField Field, int Start, int Length, string Text);

/// <summary>The matcher's decision for one watchlist, at the version that decided it.</summary>
public sealed record ArticleMatched(
    Guid ArticleId, Guid WatchlistId, int WatchlistVersion, string WatchlistName,
    IReadOnlyList<MatchHit> Hits, DateTimeOffset MatchedAt);
