namespace MediaMonitor.Matching;

/// <summary>
/// A value; its hits are a slice of one array shared by all the matches of an article. <see cref="Hits"/> holds the
/// first hits of each phrase in text order (at most <see cref="Matcher.MaxHitsPerTerm"/> a phrase and
/// <see cref="Matcher.MaxHitsPerMatch"/> in all); <see cref="HitsOmitted"/> counts the others found.
/// </summary>
public readonly record struct WatchlistMatch(string WatchlistId, int Version, ArraySegment<Hit> Hits, int HitsOmitted = 0);
