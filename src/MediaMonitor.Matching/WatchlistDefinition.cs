namespace MediaMonitor.Matching;

/// <summary>
/// A watchlist as the matcher sees it: the version is the one a match cites. It matches when any of its terms does,
/// or when its <see cref="Rule"/> (boolean syntax, see <see cref="Rules.RuleParser"/>) holds.
/// </summary>
public sealed record WatchlistDefinition(string Id, int Version, IReadOnlyList<TermDefinition> Terms, string? Rule = null);
