namespace MediaMonitor.Matching;

public enum ArticleField { Title, Body }

/// <summary>
/// One watched phrase. It matches wherever its words occur, in an article of any language; <see cref="Lang"/>
/// ("ar", "en" or null) says how the phrase is meant and is kept for the user, not a filter on articles (each word is
/// analysed by its script). A word may list alternatives with <c>|</c>: <c>هجوم|هجمة صاروخي</c> (see <see cref="TermRules"/>).
/// </summary>
public sealed record TermDefinition(string Phrase, string? Lang = null);

/// <summary>
/// A watchlist as the matcher sees it: the version is the one a match cites. It matches when any of its terms does,
/// or when its <see cref="Rule"/> (boolean syntax, see <see cref="Rules.RuleParser"/>) holds.
/// </summary>
public sealed record WatchlistDefinition(string Id, int Version, IReadOnlyList<TermDefinition> Terms, string? Rule = null);

public sealed record ArticleText(string? Title, string Body, string? Lang = null);

/// <summary>Start and Length index the original (not normalised) field text; Text is that exact slice.</summary>
public sealed record Hit(string Term, ArticleField Field, int Start, int Length, string Text);

public sealed record WatchlistMatch(string WatchlistId, int Version, IReadOnlyList<Hit> Hits);
